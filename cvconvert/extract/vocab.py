"""Vocabularies for entry and contact lines: the words that mark an organisation, a job title,
a degree, a place or a score, and the captions of "Caption: value" lines, in many languages.

:func:`_split_key` splits such a line; :func:`_any_key` tells whether a caption is one the rules
know.
"""

from __future__ import annotations

import re

from cvconvert.extract.lines import _words

# Words that mark an organisation, a job title, a degree or a place, in the languages CVs come
# in; matched as word starts (Latin, Cyrillic) or substrings (CJK). fmt: off
_ORG = re.compile(
    r"(?i)(?:\b(?:universit\w*|hochschule|fachhochschule|college|school|schule|institut\w*|academy|akademie|école|ecole|"
    r"lycée|lycee|gymnasium|universidad|universidade|faculdade|facultad|faculty|faculté|facoltà|escuela|colégio|colegio|instituto|"
    r"istituto|politecnico|polytechnic|gmbh|ag|inc|ltd|llc|llp|plc|co|corp|corporation|company|compagnie|group|"
    r"gruppe|groupe|grupo|bank|banque|hospital|krankenhaus|klinik|clinic|ministry|ministerium|ministère|department|"
    r"centre|center|zentrum|foundation|stiftung|fondation|association|verein|agency|agentur|agence|laborator\w*|lab|"
    r"labs|tribunal|commission|council|authority|services|solutions|technologies|technology|systems|consulting|"
    r"partners|associates|pvt|limited|sas|sarl|s\.a|s\.l|ltda|eireli|ооо|оао|зао|пао|ао|ип|"
    r"университет\w*|институт\w*|академи\w*|колледж\w*|школ\w*|лице\w*|гимнази\w*|компани\w*|групп\w*|банк|завод\w*|"
    r"studio|media|software|labs?|enterprises?|holding|industries|international|global|forum|"
    r"government|gouvernement|regierung|court|gericht|bureau|büro|firm|kanzlei|cabinet|"
    r"hotel|restaurant|store|shop|magazin|verlag|zeitung|newspaper|journal|radio|tv|société|societe|sociedad|"
    r"sociedade|società|empresa|entreprise|compañía|companhia|startup|"
    r"escola|mairie|hôpital|conservatoire|ayuntamiento|fundación|fundação|prefeitura|"  # fr es pt
    # Shops, libraries, pharmacies, clinics and clubs: employers of jobs without a degree.
    r"collège|clinique|médiathèque|bibliothèque|pâtisserie|boulangerie|librairie|atelier|mutuelle|pharmacie|"
    r"biblioteca|farmacia|farmácia|clínica|tienda|supermercado|cooperativa|loja|escritório|negozio|"
    r"bibliothek|apotheke|behörde|stadtwerke|genossenschaft|bibliotheek|apotheek|winkel|"
    r"biblioteka|apteka|sklep|urząd|библиотек\w*|аптек\w*|магазин\w*|больниц\w*|kütüphane\w*|eczane\w*|mağaza\w*|"
    r"könyvtár\w*|gyógyszertár\w*|áruház\w*|library|pharmacy|supermarket|club|klub|nonprofit|ngo|museum|church|"
    r"università|universita|liceo|azienda|s\.r\.l|s\.p\.a|srl|spa|comune|ospedale|scuola|accademia|"  # it
    r"universiteit|hogeschool|gemeente|ziekenhuis|b\.v|bv|n\.v|"  # nl
    r"uniwersytet\w*|politechnik\w*|szkoł\w*|akademi\w*|liceum|technikum|spółka|fundacja|"  # pl
    r"фирм\w*|корпораци\w*|предприяти\w*|агентств\w*|"  # ru
    r"üniversite\w*|lise\w*|fakülte\w*|a\.ş|şirketi|bankası|enstitüsü|belediyesi|hastanesi|"  # tr
    r"egyetem\w*|főiskol\w*|gimnázium|kft|zrt|nyrt|intézet\w*|iskola\w*|"  # hu
    r"πανεπιστήμι\w*|πολυτεχνεί\w*|σχολ\w*|λύκει\w*|ινστιτούτ\w*|εταιρεί\w*|"  # el
    r"universitet\w*|högskola\w*|kommun|aktiebolag|"  # sv
    r"universitas|politeknik|sekolah|"  # id
    r"trường|đại học|công ty|học viện|tập đoàn|ngân hàng)\b"  # vi
    # German compounds end in the word that makes them an organisation: "Schülerzeitung".
    r"|\w(?:zeitung|verlag|schule|hochschule|klinik|klinikum|bank|versicherung|gruppe|zentrum|institut|akademie|"
    r"gesellschaft|verband|verein|amt|ministerium|gericht|kanzlei|agentur|stiftung)\b"
    r"|大学|学院|学校|中学|小学|公司|集团|银行|研究院|研究所|中心|医院|事务所|工作室"
    # Scripts written without spaces, or with prefixes glued on (Hebrew "ב", "ל"): substrings.
    r"|株式会社|有限会社|合同会社|会社|高等学校|高校|専門学校"  # ja
    r"|대학교|대학원|고등학교|주식회사|\(주\)|㈜|회사|연구소|은행"  # ko
    r"|אוניברסיט|מכלל|בע\"מ|בע״מ|חברת|תיכון"  # he
    r"|دانشگاه|شرکت|موسسه|مؤسسه|دبیرستان|هنرستان|پژوهشگاه|سازمان)"  # fa
)
_ROLE = re.compile(
    r"(?i)(?:\b(?:engineer|developer|manager|intern|internship|trainee|assistant|analyst|consultant|researcher|"
    r"scientist|lead|leader|director|head|officer|executive|specialist|architect|designer|administrator|"
    r"coordinator|teacher|tutor|instructor|lecturer|professor|fellow|advisor|adviser|ambassador|receptionist|"
    r"technician|programmer|owner|founder|co-founder|ceo|cto|cfo|coo|volunteer|member|president|secretary|"
    r"writer|editor|accountant|nurse|operator|clerk|cashier|waiter|driver|agent|representative|"
    r"worker|staff|partner|expert|scrum|product owner|devops|qa|tester|sde|swe|"
    r"werkstudent|praktikant|praktikum|mitarbeiter|entwickler|ingenieur|berater|leiter|referent|sachbearbeiter|assistent|"
    r"wissenschaftlich|hilfskraft|aushilfe|mitarbeit|lehrer|dozent|"
    r"ingénieur|développeur|developpeur|stagiaire|alternant|chef|responsable|chargé|technicien|consultante?|"
    r"directeur|directrice|enseignant|professeur|développeuse|developpeuse|ingénieure|cheffe|"
    r"desarrollador|ingeniero|analista|becario|gerente|jefe|profesor|asesor|"
    r"estagiário|estagiario|desenvolvedor|engenheiro|gerente|professora?|cargo|"
    r"разработчик|инженер|программист|менеджер|стажер|стажёр|аналитик|руководитель|специалист|директор|"
    r"преподаватель|ассистент|сотрудник|практикант|"
    r"programador|pasante|asistente|supervisor|coordinador|coordenador|consultor|auxiliar|técnico|tecnico|"  # es pt
    r"sviluppatore|sviluppatrice|ingegnere|tirocinante|stagista|consulente|docente|insegnante|programmatore|"
    r"ricercatore|ricercatrice|tirocinio|tirocinante|apprendista|"  # it
    r"ontwikkelaar|medewerker|stagiair|adviseur|beheerder|projectleider|"  # nl
    r"programist\w*|inżynier\w*|kierownik\w*|specjalist\w*|stażyst\w*|konsultant\w*|analityk\w*|"
    r"nauczyciel\w*|"  # pl
    r"mühendis\w*|geliştirici\w*|uzman\w*|stajyer\w*|müdür\w*|yönetici\w*|öğretmen\w*|danışman\w*|"  # tr
    r"fejlesztő\w*|mérnök\w*|gyakornok\w*|vezető\w*|tanácsadó\w*|elemző\w*|tanár\w*|programozó\w*|"  # hu
    r"μηχανικ\w*|προγραμματιστ\w*|υπεύθυν\w*|σύμβουλ\w*|αναλυτ\w*|καθηγητ\w*|"  # el
    r"utvecklare|ingenjör|konsult|lärare|projektledare|"  # sv
    r"pengembang|insinyur|magang|staf|manajer|karyawan|"  # id
    r"lập trình viên|kỹ sư|thực tập sinh|nhân viên|trưởng phòng|giám đốc|chuyên viên|giáo viên|"  # vi
    # Jobs without a degree and service jobs, per language (en es pt fr de it nl pl ru tr hu el sv id).
    r"waitress|bartender|barista|salesperson|cook|babysitter|mentor|coach|trainer|apprentice|paralegal|lawyer|"
    r"attorney|pharmacist|physician|surgeon|dentist|freelancer|"
    r"aprendiz|vendedor|encargad[oa]|cajer[oa]|camarer[oa]|meser[oa]|recepcionista|administrativ[oa]|"
    r"atendente|estagiária|operador|repositor|"
    r"vendeuse|vendeur|serveur|serveuse|employée?|animat(?:eur|rice)|conseill(?:er|ère)|gestionnaire|"
    r"verkäufer|kellner|betreuer|erzieher|"
    r"impiegat[oa]|commess[oa]|camerier[ea]|operaio|responsabile|addett[oa]|educat(?:ore|rice)|"
    r"verkoper|docent|"
    r"sprzedaw\w*|kelner\w*|asystent\w*|praktykant\w*|"
    r"продав\w*|официант\w*|оператор\w*|консультант\w*|бухгалтер\w*|юрист\w*|водител\w*|администратор\w*|"
    r"garson|muhasebeci|temsilcisi|"
    r"eladó|pincér|asszisztens|"
    r"πωλητ\w*|βοηθ\w*|"
    r"säljare|"
    r"asisten|guru|"
    r"facilitator|organi[sz]er|moderator|helper|cleaner|courier|dispatcher|storekeeper|"
    r"aide|vacataire|hôtesse|caissière|préparat(?:eur|rice)|livreur|manutentionnaire|secrétaire|comptable|juriste|"
    r"avocate?|infirmière|infirmier|éducat(?:eur|rice)|monit(?:eur|rice)|surveillante?|ouvrière?|électricien|"
    r"dependient[ea]|reponedor|mozo|repartidor|contador[a]?|abogad[oa]|enfermer[oa]|maestr[oa]|limpiador|"
    r"garçom|garçonete|motorista|enfermeira|advogad[oa]|secretária|"
    r"krankenpfleger|kassierer|lagerist|fahrer|elektriker|monteur"
    r")(?:s|in|innen|e|es|a|as|ки|ка|ом)?\b"
    # German compounds end in the word that makes them a job: "Projektleiterin", "Softwareentwickler".
    r"|\w(?:leiter|entwickler|berater|ingenieur|manager|assistent|referent|praktikant|techniker|kaufmann|"
    r"kauffrau|mitarbeiter|spezialist|analyst|architekt|designer|administrator|koordinator)(?:in|innen)?\b"
    r"|工程师|经理|实习|开发|总监|主管|教师|研究员|专员|助理|顾问|架构师|组长|负责人|职员"
    r"|エンジニア|プログラマ|ディレクター|プロデューサー|リーダー|マネージャー|デザイナー|部長|課長|主任|係長|取締役"
    r"|インターン|講師|研究員"  # ja
    r"|개발자|엔지니어|연구원|인턴|팀장|매니저|사원|대리|과장|부장|디자이너"  # ko
    r"|מפתח|מהנדס|מנהל|רכז|מתכנת|יועץ|אנליסט|נציג|רפרנט|מזכיר|טכנאי|מלצר|קופאי|מדריך"  # he
    r"|برنامه‌نویس|برنامه نویس|مهندس|کارشناس(?!ی)|مدیر|کارآموز|توسعه‌دهنده|توسعه دهنده|پژوهشگر|مدرس)"  # fa
)
_DEGREE = re.compile(
    r"(?i)(?:\b(?:bachelor|master|masters|b\.?\s?sc|m\.?\s?sc|b\.?\s?a\b|m\.?\s?a\b|b\.?\s?tech|m\.?\s?tech|b\.\s?s\b|m\.\s?s\b|"
    r"b\.?\s?e\b|m\.?\s?e\b|[bm]\.\s?eng\b|dipl\.|b\.?\s?com|m\.?\s?com|bba\b|mba\b|pgdm\b|ph\.?\s?d|doctor|doctorate|diploma|diplom|"
    r"degree|certificate|abitur|matura|licence|licenciatura|licenciado|mestrado|graduação|graduacao|bacharelado|"
    r"doutorado|maîtrise|maitrise|doctorat|baccalauréat|baccalaureat|bac\b|dut\b|bts\b|deug\b|deust\b|magister|staatsexamen|"
    r"ssc\b|hsc\b|class\b|semester|exchange|a-levels?|gcse\b|llb\b|ll\.b|llm\b|ll\.m|bsc\b|msc\b|beng\b|meng\b|basc\b|masc\b|"
    r"bcom\b|bsba\b|bfa\b|mfa\b|jd\b|mphil\b|dphil\b|dea\b|dess\b|bts\b|cap\b|bep\b|magistr|"
    r"high school|secondary|grado\b|técnico|tecnico|ingeniería|associate\b|"
    r"бакалавр|магистр|специалитет|аспирант|кандидат|среднее|высшее|"
    r"bachelorstudium|masterstudium|diplôme|bachillerato|bachiller|doctorado|máster|bacharel|tecnólogo|pós-graduação|"
    r"profesorado|magisterio|tecnicatura|"
    r"especialização|"  # de fr es pt
    r"laurea|magistrale|triennale|dottorato|maturità|"  # it
    r"propedeuse|doctoraal|havo\b|vwo\b|mbo\b|hbo\b|"  # nl
    r"licencjat|inżynier|studia|"  # pl
    r"диплом\w*|бакалавриат|магистратур\w*|"  # ru
    r"lisans|yüksek lisans|doktora|önlisans|"  # tr
    r"alapképzés|mesterképzés|érettségi|oklevél|"  # hu
    r"πτυχίο\w*|μεταπτυχιακ\w*|διδακτορικ\w*|απολυτήριο|"  # el
    r"kandidatexamen|masterexamen|magisterexamen|gymnasieexamen|civilingenjör|högskoleingenjör|"  # sv
    r"sarjana|"  # id
    r"cử nhân|thạc sĩ|tiến sĩ)"  # vi
    r"|本科|硕士|博士|学士|研究生|大专|专科|高中"
    r"|修士|卒業|修了"  # ja
    r"|학사|석사|박사|졸업"  # ko
    r"|תואר|בוגר|מוסמך|דוקטורט|בגרות|הנדסאי"  # he
    r"|کارشناسی|دکتری|دکترا|دیپلم|لیسانس)"  # fa
)
# fmt: on
# Words that make a name a school, whatever degree words it also holds ("Bachelor of Technology"
# is a degree; "Nordvale University of Technology" a school).
_SCHOOL = re.compile(
    r"(?i)\b(?:universit\w*|hochschule|college|school|schule|institut\w*|academy|akademie|école|ecole|lycée|"
    r"gymnasium|universidad|universidade|faculdade|facultad|faculté|facoltà|escuela|colégio|colegio|istituto|politecnico|"
    r"polytechnic|университет\w*|институт\w*|академи\w*|колледж\w*|школ\w*|лице\w*|гимнази\w*|"
    r"università|universita|liceo|scuola|universiteit|hogeschool|uniwersytet\w*|politechnik\w*|szkoł\w*|"
    r"liceum|üniversite\w*|lise\w*|egyetem\w*|főiskol\w*|gimnázium|πανεπιστήμι\w*|πολυτεχνεί\w*|"
    r"universitet\w*|högskola\w*|universitas|politeknik|sekolah|trường|đại học|học viện)\b"
    r"|\w(?:schule|hochschule|akademie)\b|大学|学院|学校|中学|高等学校|高校|専門学校|대학교|대학원|고등학교"
    r"|אוניברסיט|מכלל|תיכון|دانشگاه|دبیرستان|هنرستان"
)
# Subjects of study: the words that make a piece of an education head its field, per language.
_FIELD = re.compile(
    r"(?i)\b(?:sciences?|informatics|computing|engineering|mathematics|physics|chemistry|biology|economics|"
    r"business|management|networking|accounting|finance|marketing|law|medicine|psychology|humanities|"
    r"informatique|ingénierie|mathématiques|physique|chimie|biologie|économie|gestion|droit|médecine|lettres|"
    r"informatik|mathematik|physik|chemie|wirtschafts?\w*|betriebswirtschaft\w*|rechtswissenschaft\w*|medizin|"
    r"ciencias?|informática|ingeniería|matemáticas?|física|química|biología|economía|administración|derecho|"
    r"ciências|engenharia|economia|administração|direito|"
    r"informatica|ingegneria|matematica|fisica|chimica|biologia|giurisprudenza|"
    r"informatyka|matematyka|fizyka|ekonomia|prawo|informatika|matematika|"
    r"информатик\w*|математик\w*|физик\w*|экономик\w*|юриспруденци\w*)\b"
)
_COUNTRIES = re.compile(
    r"(?i)\b(?:india|germany|deutschland|france|frankreich|italy|italia|italien|spain|españa|spanien|portugal|"
    r"brazil|brasil|usa|u\.s\.a|united states|uk|united kingdom|england|ireland|irland|china|japan|russia|россия|"
    r"switzerland|schweiz|suisse|austria|österreich|canada|australia|netherlands|belgium|belgique|mexico|méxico|"
    r"argentina|chile|colombia|peru|poland|polen|turkey|ukraine|україна|"
    # French names, as written after "au"/"en" in French CVs
    r"sénégal|senegal|états-unis|etats-unis|allemagne|espagne|italie|royaume-uni|maroc|tunisie|algérie|"
    r"cameroun|côte d'ivoire|chine|japon|brésil|mexique|inde|pays-bas|belgique|luxembourg|québec|"
    r"fr|de|it|es|ch|ca|ny|tx|fl|ma|wa|il)\b"
)

_SCORE = re.compile(
    r"(?i)(?:\b(?:gpa|cgpa|grade|note|score|aggregate|percentage|mention|средний балл)\b|^\d{1,3}(?:[.,]\d+)?\s*%$)"
)
# How far into a course one is ("5th year", "3ème année", "2. Studienjahr", "3 курс"): not its field.
_STUDY_YEAR = re.compile(
    r"(?i)^(?:\d{1,2}\s*(?:st|nd|rd|th|e|ème|eme|er|re|\.|º|ª|-?й|-?ий)?\s*(?:year|année|annee|jahr|studienjahr|"
    r"semester|semestre|año|ano|anno|курс|rok|évfolyam|sınıf)|(?:first|second|third|fourth|fifth|final) year|"
    r"(?:première|deuxième|troisième|quatrième|cinquième) année)(?:\s+(?:of study|student|d['’]études))?$"
)
# Words that tell how far a course has gone, not what it is: "Informatique (en cours)".
_STATUS_WORDS = (
    r"en cours|in progress|ongoing|laufend|cursando|em andamento|en curso|in corso|в процессе|"
    r"devam ediyor|folyamatban|pågående|sedang berjalan|đang học|在读|在学中|재학|בתהליך"
)
_STATUS = re.compile(rf"(?i)^(?:{_STATUS_WORDS})$")
# "平成28年6月 独立 現在に至る": a phrase at the end of a line that holds one date says the entry
# goes on to this day (per language).
_TO_THIS_DAY = re.compile(
    r"(?i)(?:現在に至る|現在まで|至今|현재까지|bis heute|to date|until now|to this day|à ce jour|jusqu'à ce jour|"
    r"hasta la fecha|hasta hoy|até o momento|até hoje|fino ad oggi|do dziś|по настоящее время)\s*[。.]?\s*$"
)
_KEY_VALUE = re.compile(r"^(?P<key>[^\W\d][\w .'/()-]{0,70}?)\s*[:：]\s*(?P<value>.*)$")
_ROLE_KEYS = re.compile(
    r"(?i)^(?:cargo|position|role|title|job title|designation|current designation|poste|fonction|stelle|"
    r"funktion|puesto|título|titulo|titre|abschluss|degree|diploma|grado|должность|позиция|степень|职位|职务|岗位|学历|"
    r"occupation or position held|position held|title of qualification awarded|qualification awarded|"
    r"beruf oder funktion|bezeichnung der erworbenen qualifikation|profession ou poste occupé|"
    r"intitulé du certificat ou diplôme délivré|profesión o cargo desempeñado|función o puesto ocupado|"
    r"título de la cualificación obtenida|função ou cargo ocupado|lavoro o posizione ricoperti|"
    r"役職|職種|職位|ポジション|직위|직책|직무|תפקיד|سمت|عنوان شغلی)$"
)
_ORG_KEYS = re.compile(
    r"(?i)^(?:company|current company|employer|organi[sz]ation|institution|school|university|empresa|firma|"
    r"arbeitgeber|unternehmen|hochschule|schule|entreprise|établissement|etablissement|institución|institucion|"
    r"name and address of employer|name and type of organisation providing education and training|"
    r"name und adresse des arbeitgebers|name und art der bildungs- oder ausbildungseinrichtung|"
    r"nom et adresse de l'employeur|nombre y dirección de la empresa o empleador|nome e morada do empregador|"
    r"nome e indirizzo del datore di lavoro|"
    r"instituição|instituicao|escola|universidad|компания|организация|учебное заведение|вуз|公司|单位|学校|院校)$"
)
_EDU_KEYS = re.compile(
    r"(?i)^(?:school|university|major|专业|学校|院校|学历|hochschule|studium|universidad|faculdade)$"
)
# Captions of a school and of a degree in a block of personal details ("学校：…", "学历：…").
_SCHOOL_KEYS = re.compile(
    r"(?i)^(?:school|university|college|hochschule|universität|université|universidad|universidade|faculdade|"
    r"вуз|учебное заведение|学校|院校|毕业院校|毕业学校)$"
)
_DEGREE_KEYS = re.compile(r"(?i)^(?:degree|abschluss|diplôme|grado|grau|степень|学历|学位)$")
# Captions of details inside an entry: they never name the entry.
_DETAIL_KEYS = re.compile(
    r"(?i)^(?:main activities and responsibilities|activities|responsibilities|duties|tasks|achievements|"
    r"type of business or sector|principal subjects/occupational skills covered|"
    r"level in national or international classification|wichtigste tätigkeiten und zuständigkeiten|aufgaben|"
    r"tätigkeiten|branche|activités et responsabilités principales|missions|secteur d'activité|"
    r"funciones y responsabilidades principales|labor realizada|tareas|principais atividades|atividades|"
    r"principali attività e responsabilità|обязанности|достижения|工作内容|工作描述|主要职责|"
    # a caption over an entry's list ("Highlights" in JSON Resume themes)
    r"highlights|key achievements|main achievements|accomplishments|key responsibilities|main responsibilities|"
    r"réalisations|responsabilités|logros|responsabilidades|erfolge|verantwortung|realizações|risultati|"
    r"обязанности и достижения|主な実績|主要成就)$"
)
_DATE_KEYS = re.compile(
    r"(?i)^(?:period|dates?|duration|zeitraum|dauer|période|periode|durée|período|periodo|duración|duração|"
    r"период|срок|时间|期间|"
    # the year a course ends: "Год окончания: 2026", "Year of graduation: 2020"
    r"year of graduation|graduation year|graduation|abschlussjahr|année d['’]obtention|année de diplôme|"
    r"año de graduación|año de egreso|ano de conclusão|anno di laurea|год окончания|год выпуска|毕业时间|卒業年)$"
)
# Captions of a birth date: a date that never dates an entry ("Geburtsdatum: 05.10.1981").
_BIRTH = re.compile(
    r"(?i)\b(?:date of birth|birth ?date|born|d\.o\.b|dob|geburtsdatum|geboren|geb\.|date de naissance|née?\b|"
    r"fecha de nacimiento|nacid[oa]|data de nascimento|nascid[oa]|data di nascita|nato il|nata il|geboortedatum|"
    r"data urodzenia|дата рождения|родил\w*|doğum tarihi|születési|ημερομηνία γέννησης|födelsedatum|"
    r"tanggal lahir|ngày sinh)|出生日期|生年月日|出生年月|생년월일|תאריך לידה|تاریخ تولد"
)
_AREA_KEYS = re.compile(
    r"(?i)^(?:hauptfach|major|field|field of study|specialization|specialisation|spécialité|especialidad|"
    r"área|area|направление|специальность|专业|filière)$"
)
_LABEL_KEYS = re.compile(
    r"(?i)^(?:current designation|designation|role|position|job title|title|profession|beruf|poste|profesión|"
    r"profissão|cargo|должность|желаемая должность|职位|求职意向)$"
)
_NAME_KEYS = re.compile(
    r"(?i)^(?:name|full name|first name\(s\) / surname\(s\)|surname\(s\) / first name\(s\)|nom|nom et prénom|"
    r"nombre|nombre y apellidos|nome|nome completo|cognome e nome|имя|фио|姓名|名前)$"
)
_GIVEN_KEYS = re.compile(r"(?i)^(?:vorname|first name|given name|prénom|prenom|nombres?|primeiro nome|имя)$")
_PLACE_KEYS = re.compile(
    r"(?i)^(?:address|adress|adresse|anschrift|wohnort|location|current location|city|ville|ciudad|cidade|"
    r"dirección|direccion|endereço|endereco|город|адрес|место жительства|地址|城市|所在地|居住地)$"
)
_PHONE_KEYS = re.compile(
    r"(?i)(?:phone|tel|mobile|mob|cell|handy|telefon|téléphone|portable|teléfono|telefone|celular|móvil|"
    r"телефон|тел|手机|电话|電話|contact)"
)


def _split_key(text: str) -> tuple[str, str] | None:
    m = _KEY_VALUE.match(text)
    if m:
        return m.group("key").strip(), m.group("value").strip()
    if "\t" in text:
        key, _, value = text.partition("\t")
        if _words(key) <= 4 and not re.search(r"\d", key):
            return key.strip(), value.strip()
    return None


def _any_key(key: str) -> bool:
    return any(
        rx.match(key)
        for rx in (_DATE_KEYS, _ROLE_KEYS, _ORG_KEYS, _DETAIL_KEYS, _NAME_KEYS, _GIVEN_KEYS, _PLACE_KEYS, _AREA_KEYS)
    ) or bool(_PHONE_KEYS.fullmatch(key) or re.fullmatch(r"(?i)e-?mail\w*|courriel|correo|почта|邮箱", key))
