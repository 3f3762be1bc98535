"""Words that CV writers put in section headings, and in entry lines, in many languages.

Headings map to a JSON Resume section key, or to one of the pseudo-sections ``basics`` (personal
details, contact), ``summary`` (profile, about me) and ``other`` (a known heading with no section
of its own, such as references on request or hobbies counted as interests elsewhere). Keys are
compared after :func:`normalise`: case-folded, accents kept, punctuation and numbering dropped.

:func:`lookup` knows a heading by its whole text (the list below), or as a section's key word
led or followed by words that only qualify it, per language (``_KEYS`` and ``_FILLERS``): one
rule instead of every compound ("Academic Experience", "Esperienze lavorative e accademiche").
:func:`lookup_near` forgives a typing slip, for lines already styled like headings.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# fmt: off
_HEADINGS: dict[str, tuple[str, ...]] = {
    "work": (
        # en
        "experience", "work experience", "professional experience", "employment", "employment history",
        "work history", "career", "career history", "professional background", "professional history",
        "relevant experience", "experience summary", "internships", "internship", "internship experience",
        "research experience", "teaching experience", "industry experience", "positions", "positions held",
        "practical experience", "work", "jobs", "professional teaching & writing experience",
        "academic appointments", "appointments", "job experience", "working experience", "current employment",
        "relevant employment", "current position", "current positions", "academic positions", "employment record",
        "professional appointments", "previous employment", "other employment",
        # de
        "berufserfahrung", "berufliche erfahrung", "beruflicher werdegang", "berufspraxis", "praxiserfahrung",
        "praktika", "praktikum", "arbeitserfahrung", "werdegang", "tätigkeiten", "beruflicher hintergrund",
        "erfahrung", "berufliche tätigkeiten", "berufstätigkeit", "praktische erfahrung",
        # fr
        "expérience", "expériences", "expérience professionnelle", "expériences professionnelles",
        "parcours professionnel", "emplois", "stages", "expérience de travail",
        # es
        "experiencia", "experiencia laboral", "experiencia profesional", "trayectoria profesional",
        "historial laboral", "prácticas",
        # pt
        "experiência", "experiência profissional", "experiências profissionais", "histórico profissional",
        "estágios",
        # it, nl, pl, tr, ja
        "esperienza lavorativa", "esperienze professionali", "esperienza professionale", "esperienze lavorative",
        "werkervaring", "werkervaringen", "doświadczenie", "doświadczenie zawodowe", "historia zatrudnienia",
        "iş deneyimi", "deneyim", "職務経歴", "職務経歴書",
        # ru, uk
        "опыт", "опыт работы", "профессиональный опыт", "трудовая деятельность", "места работы", "стаж",
        "досвід роботи",
        # zh, ja
        "工作经历", "工作经验", "实习经历", "实习经验", "职业经历", "工作履历", "职歴", "職歴", "工作經歷",
    ),
    "education": (
        "education", "academic background", "educational background", "academic history", "studies",
        "qualifications", "academic qualifications", "education and training", "education & training",
        "qualificações", "qualificações acadêmicas", "qualificaciones",
        "academic profile", "schooling", "academic education", "educational qualifications", "qualification",
        "educational qualification", "academic qualification",
        "ausbildung", "schulbildung", "bildungsweg", "studium", "akademischer werdegang", "schulische ausbildung",
        "schulischer werdegang", "bildungsgang",
        "bildung", "hochschulbildung", "aus- und weiterbildung",
        "formation", "formations", "études", "parcours scolaire", "cursus", "cursus scolaire",
        "parcours académique", "diplômes", "formation académique", "formation suivie", "formations suivies",
        "educación", "formación", "formación académica", "estudios", "estudios cursados", "estudios realizados",
        "educação", "formação", "formação acadêmica", "escolaridade",
        "istruzione", "formazione", "opleiding", "opleidingen", "wykształcenie", "edukacja", "eğitim",
        "образование", "освіта",
        "教育经历", "教育背景", "学历", "教育", "学歴", "教育經歷",
    ),
    "skills": (
        "skills", "technical skills", "key skills", "core skills", "it skills", "computer skills",
        "competencies", "core competencies", "expertise", "areas of expertise", "skills & abilities",
        "skills and abilities", "personal skills", "digital skills", "tools", "technologies",
        "software / computer technologies", "technical expertise", "skill set", "skillset",
        "teaching methodologies & assessment tools", "hard skills", "soft skills", "abilities",
        "kenntnisse", "fähigkeiten", "kompetenzen", "edv-kenntnisse", "it-kenntnisse", "computerkenntnisse",
        "fachkenntnisse", "besondere kenntnisse", "fähigkeiten und kenntnisse",
        "compétences", "compétences techniques", "domaines de compétences", "savoir-faire", "connaissances",
        "compétences informatiques", "connaissances informatiques", "outils informatiques",
        "programming languages", "computer languages", "coding languages", "scripting languages",
        "markup languages",
        "habilidades", "competencias", "conocimientos", "aptitudes",
        "competências", "habilidades técnicas", "conhecimentos",
        "competenze", "vaardigheden", "umiejętności", "beceriler", "yetenekler", "competenze tecniche",
        "навыки", "профессиональные навыки", "ключевые навыки", "технические навыки", "умения", "компетенции",
        "技能", "专业技能", "技能清单", "技能评价", "技术能力", "个人技能", "技能特长", "スキル",
    ),
    "languages": (
        "languages", "language skills", "language", "languages known", "foreign languages", "spoken languages",
        "sprachen", "sprachkenntnisse", "fremdsprachen",
        "langues", "langues étrangères", "compétences linguistiques", "langues nationales", "langues parlées",
        "idiomas", "lenguas", "línguas", "lingue", "talen", "języki", "języki obce", "diller", "yabancı diller",
        "языки", "знание языков", "владение языками", "иностранные языки",
        "语言", "语言能力", "外语", "語学",
    ),
    "projects": (
        "projects", "project experience", "personal projects", "selected projects", "academic projects",
        "key projects", "side projects", "research projects", "projects and courses",
        "open source projects", "open-source projects", "open source contributions",
        "projekte", "projekterfahrung", "projets", "projets personnels", "proyectos", "projetos", "progetti",
        "проекты", "проекты и курсы", "项目经历", "项目经验", "技术类项目", "项目", "個人プロジェクト",
    ),
    "awards": (
        "awards", "honors", "honours", "honors & awards", "honors and awards", "awards and honors",
        "achievements", "awards and promotion", "prizes", "scholarships", "accomplishments", "grants", "funding",
        "research funding", "grants and funding", "fellowships", "honours and awards", "distinctions and awards",
        "selected awards",
        "auszeichnungen", "preise", "stipendien", "distinctions", "prix", "récompenses",
        "premios", "reconocimientos", "prêmios", "premiações", "награды", "достижения",
        "获奖", "获奖情况", "荣誉", "晋升", "曾获荣誉", "荣誉奖项", "获奖经历", "受賞",
    ),
    "certificates": (
        "certificates", "certifications", "certification", "licenses", "licenses & certifications",
        "licenses and certifications", "certifications / training", "courses", "training", "trainings",
        "zertifikate", "zertifizierungen", "weiterbildung", "weiterbildungen", "fortbildungen", "kurse",
        "certificats", "certifications professionnelles", "formations complémentaires",
        "professional development", "continuing education",
        "certificados", "certificaciones", "cursos", "certificações", "certificazioni", "capacitación",
        "capacitación complementaria", "formación complementaria", "cursos complementares",
        "сертификаты", "курсы", "повышение квалификации", "证书", "资格证书", "培训经历", "資格",
    ),
    "publications": (
        "publications", "papers", "selected publications", "papers presented", "patents", "research papers",
        "publication record", "submitted articles", "articles", "peer-reviewed publications", "journal articles",
        "books", "book chapters", "preprints", "recent publications",
        "publikationen", "veröffentlichungen", "publicaciones", "publicações", "pubblicazioni",
        "публикации", "научные публикации", "论文", "发表论文", "专利", "論文",
    ),
    "volunteer": (
        "volunteer", "volunteering", "volunteer experience", "volunteer work", "community service",
        "extracurricular activities", "activities", "leadership", "leadership experience",
        "ehrenamt", "ehrenamtliches engagement", "engagement", "bénévolat", "engagements", "associatif",
        "voluntariado", "trabajo voluntario", "волонтерство", "志愿者经历", "社会实践", "课外活动",
        "organisasi", "pengalaman organisasi", "kegiatan",
    ),
    "interests": (
        "interests", "hobbies", "hobbies and interests", "interests hobbies", "hobbies and intrest",
        "hobbies and interest", "personal interests", "interests & hobbies", "activities and interests",
        "hobbys", "interessen", "freizeit", "freizeitaktivitäten", "loisirs", "centres d'intérêt",
        "centres d’intérêt", "intérêts", "pasatiempos", "aficiones", "intereses", "hobbies e interesses",
        "interesses", "interessi", "увлечения", "хобби", "интересы", "兴趣爱好", "爱好", "趣味",
    ),
    "references": (
        "references", "referees", "referenzen", "références", "referencias", "referências", "рекомендации",
        "references available upon request", "references available on request",
        "推荐人",
    ),
    "summary": (
        "summary", "profile", "professional summary", "about me", "about", "objective", "career objective",
        "personal statement", "introduction", "overview", "professional profile", "career summary",
        "profil", "über mich", "kurzprofil", "zusammenfassung", "à propos", "à propos de moi", "résumé",
        "objectif", "perfil", "sobre mí", "resumen", "objetivo", "resumo", "sobre mim", "profilo",
        "objetivos", "objetivos profesionales", "objetivo profesional", "perfil profesional", "perfil profissional",
        "objectif professionnel", "berufsziel",
        "о себе", "обо мне", "информация о себе", "цель", "кратко о себе", "个人简介", "自我评价", "个人总结",
        "自我介绍", "求职意向", "自己PR", "職務要約",
    ),
    "basics": (
        "personal details", "personal information", "personal data", "contact", "contact details",
        "date of birth", "birth date", "geburtsdatum", "date de naissance", "fecha de nacimiento",
        "data de nascimento", "дата рождения", "出生日期",
        "contact information", "contacts", "persönliche daten", "persönliche angaben", "kontakt", "kontaktdaten",
        "informations personnelles", "coordonnées", "état civil", "datos personales", "información personal",
        "contacto", "dados pessoais", "informações pessoais", "contato", "dati personali", "personalia",
        "личные данные", "контакты", "контактная информация", "личная информация", "个人信息", "基本信息",
        "联系方式", "个人资料", "基本資料",
    ),
    "other": (
        "personal qualities", "personal experience", "personal development", "additional information",
        "conference contributions", "conference presentations", "presentations", "talks", "invited talks",
        "professional activities", "service", "teaching", "students", "supervision", "theses", "outreach",
        "miscellaneous", "invited presentations & professional development",
        "professional society memberships / volunteerism", "memberships", "professional memberships",
        "persönliche erfahrung", "sonstiges", "persönliche eigenschaften", "divers", "autres",
        "informations complémentaires", "otros", "outros", "личные качества", "дополнительная информация",
        "致谢", "其他", "其它",
    ),
}
# fmt: on


def normalise(text: str) -> str:
    """Heading text as compared: NFKC, case-folded, numbering and trailing colons dropped.

    Letter-spaced headings ("E X P E R I E N C E") are closed up.
    """
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    # Icons before a heading ("💼 Experience", "▶ Skills") are decoration.
    text = re.sub(r"^[^\w]+", "", text)
    text = text.replace("\u2019", "'")
    # Optional plurals: "Langue(s) maternelle(s)", "Mother tongue(s)".
    text = re.sub(r"(?<=\w)\((?:s|es|e|n|en|i)\)", "", text)
    if re.fullmatch(r"(?:\w ){2,}\w", text):
        text = text.replace(" ", "")
    # Japanese forms space the characters of a heading out to the cell's width ("学  歴").
    text = re.sub(r"(?<=[\u3040-\u9fff])\s+(?=[\u3040-\u9fff])", "", text)
    text = re.sub(r"^(?:[\divxlc]{1,4}[.)]|[•▪◦·■●►▶❖◆\-–—*#]+)\s*", "", text)
    # Tried only where a run starts (the lookbehind): from every position of a long run of
    # punctuation, each try read the rest of the run again.
    text = re.sub(r"(?<![\s:：.;,\-–—_|/\\])[\s:：.;,\-–—_|/\\]+$", "", text)
    text = re.sub(r"^[\s:：.;,\-–—_|]+", "", text)
    text = re.sub(r"\s+", " ", text)
    return text


def _bare(text: str) -> str:
    """A normalised heading without the accents of Latin letters and, in a heading of several
    words, without plural s.

    Capitals are often typed without accents ("EXPERIENCE", "ETUDES"), and writers mix singular
    and plural ("Expérience professionnelles"). A single word keeps its s: "Position" or
    "Student" alone is a line of an entry, not the heading "Positions" or "Students".
    """
    decomposed = unicodedata.normalize("NFD", text)
    bare = unicodedata.normalize(
        "NFC",
        "".join(
            ch
            for i, ch in enumerate(decomposed)
            if not (unicodedata.combining(ch) and i and decomposed[i - 1].isascii())
        ),
    )
    return re.sub(r"(?<=[a-z]{3})s\b", "", bare) if " " in bare else bare


HEADINGS: dict[str, str] = {normalise(word): key for key, words in _HEADINGS.items() for word in words}
# The same words in their bare form; an exact spelling is tried first. "Resume" is the title of
# an English document, not the French "résumé" (a summary).
_BARE: dict[str, str] = {_bare(word): key for word, key in reversed(HEADINGS.items()) if _bare(word) != "resume"}


@functools.lru_cache(maxsize=8192)
def lookup(text: str) -> str | None:
    """The section a heading names, or None.

    Exact after normalising, else a heading made of known parts ("Education & Certifications",
    "Work Experience / Internships"): the first known part decides.
    """
    norm = normalise(text)
    if not norm or len(norm) > 60 or re.search(r"\w[.@]\w|://", norm):
        return None
    # A digit outside a bracketed note (the numbering is gone already): a line of text, not a
    # heading ("line 12", "3 years"); the cheap test spares most lines the vocabularies.
    if re.search(r"\d", norm) and re.search(r"\d", re.sub(r"\s*[(（][^()（）]*[)）]", "", norm)):
        return None
    found = _known(norm)
    if found:
        return found
    # "Publications (selected)", "学歴・職歴（各別にまとめて書く）": a note in brackets after it.
    bare = re.sub(r"\s*\([^()]*\)$", "", norm)
    if bare and bare != norm:
        return lookup(bare)
    parts = [
        p.strip() for p in re.split(r"\s*(?:&|/|\||,| and | und | et | y | e | и |和|与|及|・)\s*", norm) if p.strip()
    ]
    if len(parts) > 1 and all(_known(part) for part in parts):
        return _known(parts[0])
    # "Digitale Fähigkeiten", "Soft Skills": the skills heading keeps its meaning whatever word
    # stands in front of it. Not so others: "Merit Scholarship" and "Final Year Project" are entries.
    words = norm.split(" ")
    if 2 <= len(words) <= 3 and not any(_known(w) for w in words[:-1]) and _known(words[-1]) == "skills":
        return "skills"
    return _by_key_words(norm)


def is_phrase(text: str) -> bool:
    """Whether the vocabulary knows the heading whole ("Languages", "Berufserfahrung"), not only
    by a word it ends or starts with ("Northwind Technologies", "Academic Experience")."""
    return _known(normalise(text)) is not None


def leading_phrase(text: str) -> str | None:
    """The section of a heading of two or three words the vocabulary knows whole that leads the
    text ("Projets personnels consultables depuis mon portfolio" -> projects), else None."""
    words = normalise(text).split(" ")
    for size in (3, 2):
        if len(words) > size:
            found = _known(" ".join(words[:size]))
            if found:
                return found
    return None


def parts_of(text: str) -> set[str]:
    """The sections a compound heading names ("学歴・職歴" -> education and work; "Education &
    Certifications" -> education and certificates); empty for a simple heading."""
    norm = re.sub(r"\s*\([^()]*\)$", "", normalise(text))
    parts = [p.strip() for p in re.split(r"\s*(?:&|/|\||,| and | und | et | y | e | и |和|与|及|・)\s*", norm)]
    keys = {_known(p) for p in parts if p}
    return set() if None in keys or len(keys) < 2 else {k for k in keys if k}


def _known(norm: str) -> str | None:
    """The section of one normalised heading, exact or in its bare form."""
    return HEADINGS.get(norm) or _BARE.get(_bare(norm))


# The names of the document itself, per language: a title, not a section ("職務経歴書" names the
# whole document, as "Résumé" does an English one).
# fmt: off
_TITLES = frozenset(normalise(t) for t in (
    "curriculum vitae", "cv", "c.v.", "resume", "résumé", "curriculum", "my resume", "my cv",  # en fr
    "lebenslauf", "tabellarischer lebenslauf", "curriculum vitae et studiorum",  # de it
    "currículo", "curriculo", "currículum", "currículum vitae", "currículo vitae", "hoja de vida",  # es pt
    "levensloop", "życiorys", "резюме", "özgeçmiş", "önéletrajz", "szakmai önéletrajz",  # nl pl ru tr hu
    "βιογραφικό", "βιογραφικό σημείωμα", "meritförteckning", "daftar riwayat hidup", "riwayat hidup",
    "sơ yếu lý lịch", "رزومه", "קורות חיים", "履歴書", "職務経歴書", "履歴書・職務経歴書", "简历",
    "个人简历", "個人簡歷", "簡歷", "이력서", "ansioluettelo", "životopis", "السيرة الذاتية",
))
# fmt: on


def is_title(text: str) -> bool:
    """Whether a line names the document itself ("Curriculum Vitae", "Lebenslauf", "職務経歴書"),
    which is no section heading when it leads the document."""
    norm = normalise(text)
    return norm in _TITLES or _bare(norm) in _TITLES


# --- headings made of key words -----------------------------------------------------------------
# A heading the list above does not hold is still known when its words are a section's key word
# and words that only qualify it ("Academic Experience", "Esperienze lavorative e accademiche",
# "Munka- és vezetői tapasztalat"): every word must be known, and the first key word decides.
# Words are folded (case, accents, Hebrew and Arabic vowel points); "stem*" matches the stem and
# an ending of at most five letters (declensions, plurals: "experiência", "опыта", "projektek").
# A key word written as one CJK or Hangul run is found by segmenting the run ("경력사항").
# fmt: off
_KEYS: dict[str, tuple[str, ...]] = {
    "work": (
        "experience*", "employment", "work", "career", "jobs", "internship*", "appointment*",   # en
        "erfahrung*", "werdegang", "stationen", "tätigkeit*", "berufstätigkeit", "praktika", "beschäftigung*",  # de
        "expérience*", "emploi*", "stages", "parcours",                                       # fr
        "experiencia*", "experiência*", "trayectoria", "prácticas", "estágio*", "empleo*",   # es pt
        "esperienz*", "tirocini*", "impiego",                                                 # it
        "werkervaring*", "ervaring*", "loopbaan", "werkgeschiedenis",                        # nl
        "doświadczeni*", "zatrudnieni*", "praktyki", "staż*",                                 # pl
        "опыт*", "стаж", "карьер*", "трудов*",                                               # ru
        "deneyim*", "tecrübe*", "staj*",                                                      # tr
        "tapasztalat*", "munkatapasztalat*", "munkahely*", "szakmai gyakorlat",             # hu
        "εμπειρ*", "προϋπηρεσ*", "απασχόληση*",                                               # el
        "erfarenhet*", "arbetslivserfarenhet*", "anställning*", "yrkeserfarenhet*",          # sv
        "pengalaman", "riwayat pekerjaan", "magang",                                        # id
        "kinh nghiệm", "quá trình công tác", "thực tập",                                   # vi
        "سوابق شغلی", "سابقه کار", "تجربیات*", "تجربه*", "سوابق کاری", "ماجرا",               # fa
        "ניסיון", "תעסוקה", "ניסיון תעסוקתי", "עבודה",                                       # he
        "工作", "职业", "職業", "实习", "實習", "职务", "職務", "職歴", "职歴", "経歴", "经历", "經歷",
        "経験", "经验", "經驗", "履历", "경력", "경험", "근무", "인턴",  # zh ja ko
        "досвід*", "zkušenost*", "praxe", "erfaring*", "arbejdserfaring", "erhvervserfaring",  # uk cs da
        "arbeidserfaring", "työkokemus", "kokemus", "experiență", "الخبرة", "الخبرات", "خبرات",  # nb fi ro ar
    ),
    "education": (
        "education*", "educational", "studies", "qualification*", "schooling", "degrees", "credentials",
        "ausbildung*", "bildung*", "bildungsweg", "studium", "schulbildung",
        "formation*", "études", "diplôme*", "scolarité", "cursus",
        "educación", "formación", "estudios", "educação", "formação", "escolaridade", "habilitaç*",
        "titulación*", "istruzione", "formazione", "studi", "titoli di studio",
        "opleiding*", "onderwijs", "studie", "wykształcenie*", "edukacj*",
        "образовани*", "обучени*", "eğitim*", "öğrenim*", "tanulmány*", "oktatás*", "végzettség*",
        "képzés*", "εκπαίδευσ*", "σπουδ*", "utbildning*", "pendidikan", "học vấn", "đào tạo",
        "trình độ", "تحصیلات*", "سوابق تحصیلی", "آموزش*", "השכלה", "לימודים",
        "教育", "学历", "學歷", "学歴", "学業", "学习", "學習", "학력", "교육", "학업",
        "освіт*", "vzdělání", "uddannelse", "utdanning", "koulutus", "educație", "studii", "التعليم",
        "المؤهلات",
    ),
    "skills": (
        "skill*", "competenc*", "abilities", "expertise", "technologies", "tools", "know-how", "proficienc*",
        "tech stack",
        "kenntnisse", "fähigkeit*", "kompetenz*", "fertigkeit*", "qualifikation*",
        "compétence*", "connaissance*", "savoir-faire", "aptitude*", "langage*",
        "habilidad*", "competencia*", "conocimiento*", "destrezas", "competência*", "habilidade*",
        "conhecimento*", "competenz*", "conoscenz*", "capacità", "abilità",
        "vaardigheden", "vaardigheid", "competenties", "kennis", "umiejętnoś*", "kompetencj*",
        "навык*", "умени*", "компетенц*", "знани*", "beceri*", "yetenek*", "yetkinlik*", "teknik bilgiler",
        "készség*", "képesség*", "kompetenci*", "ismeret*", "δεξιότητ*", "ικανότητ*", "γνώσ*",
        "färdighet*", "kompetens*", "kunskap*", "keahlian", "keterampilan", "kemampuan", "kỹ năng",
        "năng lực", "مهارت*", "توانایی*", "دانش", "כישורים", "מיומנויות", "יכולות", "ידע", "יישומי מחשב",
        "技能", "技术", "技術", "能力", "知識", "知识", "スキル", "特技", "스킬", "기술", "역량", "특기",
        "навички", "dovednosti", "færdigheder", "ferdigheter", "taidot", "osaaminen", "competențe",
        "abilități", "المهارات",
    ),
    "languages": (
        "languages", "language", "sprachen", "sprachkenntnis*", "fremdsprach*", "langue*",
        "idioma*", "lengua*", "língua*", "lingua*", "lingue", "linguistic*", "talen", "talenkennis",
        "języki*", "język*", "языки*", "язык*", "diller", "dil", "nyelv*", "nyelvtudás", "γλώσσ*",
        "språk*", "bahasa", "ngoại ngữ", "ngôn ngữ", "mother tongue*", "native language*",
        "muttersprache*", "sprache*", "nyelvismeret*", "språkkunskap*", "moedertaal", "madrelingua",
        "langue maternelle", "lengua materna",
        "língua materna", "lingua madre", "język ojczysty", "родной язык", "ana dil", "anyanyelv",
        "μητρική γλώσσα", "modersmål", "bahasa ibu", "other languages", "altre lingue", "autres langues",
        "otros idiomas", "outros idiomas", "weitere sprachen", "andere talen", "inne języki",
        "другие языки", "diğer diller", "زبان*", "שפות", "语言", "語言", "外语", "外語",
        "語学", "语学", "어학", "외국어", "언어", "мови", "jazyky", "sprog", "kielitaito", "kielet", "limbi",
        "اللغات",
    ),
    "projects": (
        "project*", "projekt*", "projet*", "proyecto*", "projeto*", "progett*", "projecten",
        "проект*", "proje*", "έργα", "πρότζεκτ", "proyek", "dự án", "پروژه*", "פרויקט*",
        "项目", "項目", "プロジェクト", "프로젝트", "projekter", "prosjekter", "projektit", "proiecte",
        "المشاريع",
    ),
    "awards": (
        "award*", "honors", "honours", "prizes", "achievement*", "scholarship*", "distinction*",
        "auszeichnung*", "preise", "stipendi*", "récompense*", "prix", "premio*", "prêmio*",
        "premiaç*", "reconocimiento*", "riconosciment*", "prijzen", "onderscheiding*", "nagrod*",
        "osiągnięci*", "logros",
        "wyróżnieni*", "наград*", "премии", "ödül*", "başarı*", "díj*", "elismerés*", "ösztöndíj*",
        "βραβεί*", "διακρίσ*", "utmärkelse*", "priser", "penghargaan", "prestasi", "giải thưởng",
        "جوایز", "افتخارات", "פרסים", "הישגים", "获奖", "獲獎", "荣誉", "榮譽", "奖项", "獎項",
        "受賞", "表彰", "수상", "상훈", "ocenění", "palkinnot", "premii", "الجوائز", "нагороди",
    ),
    "certificates": (
        "certificat*", "certification*", "licenses", "licences", "courses", "trainings",
        "zertifikat*", "zertifizierung*", "weiterbildung*", "fortbildung*", "lehrgänge",
        "certificado*", "certificaç*", "certificacion*", "cursos", "certificazion*", "corsi",
        "certificaten", "cursussen", "certyfikat*", "kursy", "szkolenia", "сертификат*", "курсы",
        "sertifika*", "kurslar", "alınan eğitimler", "tanúsítvány*", "bizonyítvány*", "πιστοποι*", "σεμινάρι*",
        "certifikat*", "kurser", "sertifikat", "sertifikasi", "pelatihan", "chứng chỉ",
        "گواهینامه*", "دوره*", "תעודות", "קורסים", "证书", "證書", "资格", "資格", "免許",
        "培训", "研修", "자격", "자격증", "수료", "certifikáty", "kurzy", "sertifikaatit", "kurssit",
        "certificări", "الشهادات", "الدورات",
    ),
    "publications": (
        "publication*", "papers", "articles", "patents", "proceedings", "publikation*",
        "veröffentlichung*", "publicacion*", "publicaç*", "pubblicazion*", "publicaties",
        "publikacj*", "публикаци*", "yayın*", "publikáci*", "δημοσιεύσ*", "publikationer",
        "publikasi", "công trình", "مقالات", "انتشارات", "פרסומים", "论文", "論文", "发表", "專利",
        "专利", "논문", "특허",
    ),
    "volunteer": (
        "volunteer*", "volunteering", "ehrenamt*", "nevenactiviteiten", "hoạt động", "활동", "校园",
        "bénévolat", "voluntariado", "volontariato",
        "vrijwilliger*", "wolontariat*", "волонтер*", "волонтёр*", "gönüllü*", "önkéntes*",
        "εθελοντ*", "ideellt", "frivillig*", "relawan", "tình nguyện", "داوطلب*", "התנדבות",
        "志愿", "志願", "봉사", "대외활동",
    ),
    "interests": (
        "interests", "hobbies", "hobby", "interessen", "hobbys", "freizeit*", "loisirs",
        "intérêt*", "intereses", "aficiones", "pasatiempos", "interesses", "passatempo*",
        "interessi", "hobby's", "interesses", "zainteresowani*", "hobbi*", "увлечени*", "хобби",
        "интерес*", "ilgi alanları", "hobiler", "érdeklődés*", "ενδιαφέροντα", "χόμπι",
        "intressen", "fritid*", "minat", "hobi", "sở thích", "علاقه*", "سرگرمی*", "תחביבים",
        "兴趣", "興趣", "爱好", "愛好", "趣味", "취미", "관심", "zájmy", "harrastukset", "interese",
        "الهوايات", "захоплення",
    ),
    "references": (
        "references", "referees", "referenzen", "références", "referencias", "referências",
        "referenze", "referenties", "referencje", "рекомендаци*", "referans*", "referenciák",
        "συστάσεις", "referenser", "referensi", "người tham chiếu", "معرف*", "ממליצים",
        "推荐人", "推薦人", "추천인",
    ),
    "summary": (
        "summary", "profile", "objective*", "about me", "statement", "introduction", "overview",
        "profil", "zusammenfassung", "über mich", "kurzprofil", "à propos", "objectif*",
        "perfil", "resumen", "sobre mí", "objetivo*", "resumo", "sobre mim", "profilo",
        "sommario", "profiel", "samenvatting", "over mij", "podsumowanie", "o mnie", "cel zawodowy",
        "о себе", "обо мне", "резюме", "цель", "özet", "hakkımda", "önyazı", "összefoglal*",
        "bemutatkozás", "magamról", "προφίλ", "σχετικά με εμένα", "sammanfattning", "om mig",
        "ringkasan", "tentang saya", "mục tiêu", "giới thiệu", "درباره من", "خلاصه", "هدف", "תקציר",
        "פרופיל", "אודות", "מטרה", "简介", "簡介", "自我评价", "自我介绍", "要約", "自己pr", "자기소개",
        "소개", "o mně", "profiili", "despre mine", "نبذة", "الملخص",
    ),
    "basics": (
        "personal details", "contact*", "info", "kontakt*", "persönliche daten", "persönliches", "coordonnées",
        "datos personales", "contacto", "dados pessoais", "contato", "dati personali", "contatti",
        "persoonsgegevens", "gegevens", "personalia", "kontak", "informasi pribadi", "اطلاعات فردی",
        "اطلاعات شخصی", "dane osobowe", "контакт*", "личные данные", "iletişim",
        "kişisel bilgiler", "elérhetőség*", "személyes adatok", "στοιχεία", "επικοινωνία",
        "personuppgifter", "personlig information", "personliga uppgifter", "data diri", "data pribadi",
        "thông tin cá nhân", "liên hệ", "مشخصات",
        "اطلاعات تماس", "تماس", "פרטים", "פרטים אישיים", "信息", "資訊", "联系", "聯繫", "連絡先",
        "인적사항", "연락처", "신상", "osobní údaje", "personlige oplysninger", "henkilötiedot",
        "date personale", "المعلومات الشخصية", "контакти",
    ),
    "other": (
        "research", "forschung", "병역", "theses", "conference*", "affiliation*",
        "membership*", "military service", "mitgliedschaft*", "adhésion*",
        "שירות צבאי", "志望動機", "informações adicionais",
        "información adicional", "zusätzliche informationen", "additional information",
        "recherche", "investigación", "pesquisa", "ricerca", "onderzoek",
        "badania", "исследовани*", "araştırma*", "kutatás*", "έρευνα", "forskning", "penelitian",
        "nghiên cứu", "پژوهش*", "מחקר", "研究", "연구", "others", "miscellaneous", "sonstiges",
        "divers", "otros", "outros", "altro", "overig", "inne", "прочее", "diğer", "egyéb",
        "λοιπά", "övrigt", "lainnya", "khác", "سایر", "שונות", "其他", "其它", "기타",
    ),
}

# Words that only qualify a key word: "professional", "academic", "and", "my", "selected"...
_FILLERS = (
    "and", "or", "of", "my", "in", "the", "for", "professional", "academic", "work", "relevant*",
    "selected", "other", "additional", "recent*", "technical", "personal", "history", "record",
    "details", "information", "summary", "teaching", "research", "industry", "university",
    "computer", "it", "digital", "software", "practical", "previous", "current", "major", "main",
    "professionnel*", "académique*", "universitaire*", "personnel*", "technique*", "informatique*",
    "complémentaire*", "principa*", "autres", "mes", "de", "du", "des", "d", "et", "la", "le", "les",
    "profesional*", "académic*", "técnic*", "informátic*", "laboral*", "personal*", "otras",
    "otros", "y", "e", "mis", "del", "profissiona*", "acadêmic*", "pessoa*", "estrangeir*",
    "extranjer*", "característic*", "adicional*", "do", "da", "dos", "das", "meus", "minhas",
    "lavorativ*", "professional*", "accademic*", "personal*", "tecnic*", "informatic*",
    "straniere", "ed", "di", "della", "delle", "und", "sowie", "berufliche*", "beruflich*",
    "akademisch*", "persönliche*", "technische*", "praktische*", "weitere*", "sonstige*", "meine",
    "der", "die", "das", "en", "van", "mijn", "werk", "professionele", "persoonlijke",
    "academische", "technische", "overige", "i", "oraz", "zawodow*", "akademick*", "osobist*",
    "techniczn*", "obce", "dodatkow*", "moje", "и", "работ*", "профессиональн*", "академическ*",
    "личн*", "технически*", "ключев*", "иностранн*", "дополнительн*", "мои", "ve", "iş",
    "profesyonel", "akademik", "kişisel", "teknik", "yabancı", "bilgiler*", "bilgi*", "alan*",
    "és", "munka", "szakmai", "vezetői", "személyes", "egyetemi", "idegen", "egyéb", "és",
    "και", "επαγγελματικ*", "ακαδημαϊκ*", "προσωπικ*", "τεχνικ*", "ξένες", "och", "professionell*",
    "akademisk*", "personlig*", "tekniska", "övriga", "dan", "kerja", "profesional", "riwayat",
    "pribadi", "asing", "organisasi", "và", "làm việc", "cá nhân", "nghề nghiệp", "chuyên môn",
    "و", "ها", "های", "ای", "حرفه", "حرفه ای", "کاری", "شغلی", "تحصیلی", "فنی", "شخصی",
    "خارجی", "سوابق", "تעסוקתי", "מקצועי", "מקצועית", "אישיים", "אקדמי", "נוסף", "נוספים",
    "תעסוקתי", "个人", "個人", "基本", "专业", "專業", "主要", "相关", "相關", "类", "類", "与",
    "和", "及", "一览", "清单", "评价", "評価", "情况", "背景", "活かせる", "保有", "使用",
    "曾获", "所获", "participation*", "journal", "conference", "peer-reviewed", "invited",
    "pracovní", "odborné", "og", "ja", "și", "a", "العملية", "професійн*", "іноземні", "straine",
    "보유", "스택", "능력", "이수", "formal", "non", "quá trình", "arbete", "εργασιακ*", "s",
    "نرم", "افزاری", "مندی", "highlights", "clés", "cles", "initiale*", "spoken", "me", "tech",
    "datos", "dados", "upon", "request", "開発", "számítógépes", "kör",
    "주요", "사항", "내역", "및", "대외", "관련", "분야", "書", "书",
)
# fmt: on


def _fold(word: str) -> str:
    """A word as the key words are compared: case-folded, without accents or vowel points."""
    # Turkish capitals lose their dots differently: "YAYINLAR" folds to "yayinlar", "yayın" too.
    decomposed = unicodedata.normalize("NFKD", word.casefold().replace("ı", "i"))
    # Composed again: Hangul syllables decompose into letters that are no combining marks.
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _table(words: tuple[tuple[str, str], ...]) -> tuple[dict[str, str], dict[str, str]]:
    """(exact words, stems) from words written "word" or "stem*"."""
    exact: dict[str, str] = {}
    stems: dict[str, str] = {}
    for word, key in words:
        folded = _fold(word)
        target = stems if folded.endswith("*") else exact
        target.setdefault(folded.rstrip("*"), key)
    return exact, stems


_KEY_EXACT, _KEY_STEMS = _table(tuple((w, key) for key, words in _KEYS.items() for w in words))
_FILL_EXACT, _FILL_STEMS = _table(tuple((w, "") for w in _FILLERS))
# The longest phrase a table holds, in words: "quá trình công tác" is four.
_LONGEST = max(len(w.split()) for w in (*_KEY_EXACT, *_KEY_STEMS, *_FILL_EXACT, *_FILL_STEMS))
# Hebrew joins "and", "the", "in" to the next word ("וידע", "and knowledge").
_HEBREW_PREFIXES = "והבלמש"


def _word(token: str) -> str | None:
    """The section a folded word or phrase is a key word of, "" for a qualifying word, else None."""
    for exact, stems in ((_KEY_EXACT, _KEY_STEMS), (_FILL_EXACT, _FILL_STEMS)):
        if token in exact:
            return exact[token]
        for cut in range(len(token), max(len(token) - 6, 1), -1):
            # A stem takes an ending, not another word: "знание git" is no "знани*".
            if token[:cut] in stems and " " not in token[cut:]:
                return stems[token[:cut]]
    if token[:1] in _HEBREW_PREFIXES and len(token) > 3:
        return _word(token[1:])
    return None


def _segment_run(run: str) -> list[str | None]:
    """The key words and qualifiers a CJK or Hangul run is made of, longest first at each place;
    [None] when some part is no known word ("技能清单" is 技能 + 清单)."""
    out: list[str | None] = []
    i = 0
    while i < len(run):
        for size in range(min(6, len(run) - i), 0, -1):
            piece = run[i : i + size]
            found = _KEY_EXACT.get(piece, _FILL_EXACT.get(piece))
            if found is not None:
                out.append(found)
                i += size
                break
        else:
            return [None]
    return out


def _by_key_words(norm: str) -> str | None:
    """The section of a heading made only of key words and qualifiers, led by its first key word.

    "Academic Experience", "Esperienze lavorative e accademiche", "Línguas estrangeiras",
    "ניסיון תעסוקתי", "경력사항"; not "Experience Designer at Acme" (two words no heading has).
    """
    # "Projekt: MES" is a caption and its value, not a heading.
    if re.search(r"[:：]\s*\S", norm):
        return None
    tokens = re.findall(r"[^\W_]+", _fold(norm))
    if not tokens or len(tokens) > 7:
        return None
    found: list[str | None] = []
    i = 0
    while i < len(tokens):
        for size in range(min(_LONGEST, len(tokens) - i), 0, -1):
            phrase = " ".join(tokens[i : i + size])
            kind = _word(phrase) if size > 1 or not _is_run(phrase) else _run_word(phrase)
            if kind is not None:
                found.append(kind)
                i += size
                break
        else:
            return None
    # A field of work before the key word ("Research Experience") does not decide.
    keys = [kind for kind in found if kind]
    return next((kind for kind in keys if kind != "other"), keys[0] if keys else None)


def _is_run(token: str) -> bool:
    """A token in a script written without spaces between words (Han, kana, Hangul)."""
    return any("\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in token)


def _run_word(token: str) -> str | None:
    """A CJK or Hangul token: one word, or words run together; the first key word decides."""
    direct = _word(token)
    if direct is not None:
        return direct
    parts = _segment_run(token)
    if None in parts:
        return None
    return next((p for p in parts if p), "")


def lookup_near(text: str) -> str | None:
    """The section of a heading with a typing slip in one key word ("+ CETIFICACIONES"), for a
    line already styled like the document's headings; None when no word is that near.

    A slip is one letter added, dropped or changed in a word of seven letters or more.
    """
    norm = normalise(text)
    tokens = re.findall(r"[^\W_]+", _fold(norm))
    if not tokens or len(tokens) > 4:
        return None
    kinds: list[str] = []
    for token in tokens:
        kind = _word(token)
        if kind is None:
            kind = _nearest_key(token)
        if kind is None:
            return None
        kinds.append(kind)
    return next((kind for kind in kinds if kind), None)


def _nearest_key(token: str) -> str | None:
    """The section of the key word one slip away from ``token`` (whole word or a stem's start)."""
    if len(token) < 7:
        return None
    for word, key in _KEY_EXACT.items():
        if abs(len(word) - len(token)) <= 1 and _one_slip(token, word):
            return key
    for stem, key in _KEY_STEMS.items():
        if len(stem) >= 6 and any(_one_slip(token[: len(stem) + d], stem) for d in (-1, 0, 1)):
            return key
    return None


def _one_slip(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by adding, dropping or changing one letter (or is ``b``)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] or a[i:] == b[i + 1 :] or a[i + 1 :] == b[i:]
