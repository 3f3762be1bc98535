"""Words that CV writers put in section headings, and in entry lines, in many languages.

Headings map to a JSON Resume section key, or to one of the pseudo-sections ``basics`` (personal
details, contact), ``summary`` (profile, about me) and ``other`` (a known heading with no section
of its own, such as references on request or hobbies counted as interests elsewhere). Keys are
compared after :func:`normalise`: case-folded, accents kept, punctuation and numbering dropped.
"""

from __future__ import annotations

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
        "academic profile", "schooling", "academic education", "educational qualifications", "qualification",
        "educational qualification", "academic qualification",
        "ausbildung", "schulbildung", "bildungsweg", "studium", "akademischer werdegang", "schulische ausbildung",
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
        "自我介绍", "求职意向", "自己PR",
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
    if re.fullmatch(r"(?:\w ){2,}\w", text):
        text = text.replace(" ", "")
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


def add_words(words: dict[str, str]) -> None:
    """Teach more heading words (normalised here); used for languages not listed above."""
    for word, key in words.items():
        HEADINGS[normalise(word)] = key
        _BARE.setdefault(_bare(normalise(word)), key)


def lookup(text: str) -> str | None:
    """The section a heading names, or None.

    Exact after normalising, else a heading made of known parts ("Education & Certifications",
    "Work Experience / Internships"): the first known part decides.
    """
    norm = normalise(text)
    if not norm or len(norm) > 60 or re.search(r"\w[.@]\w|://", norm):
        return None
    found = _known(norm)
    if found:
        return found
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
    return None


def _known(norm: str) -> str | None:
    """The section of one normalised heading, exact or in its bare form."""
    return HEADINGS.get(norm) or _BARE.get(_bare(norm))
