//! The demo's organisations and sources (see `incidents` for the story they tell):
//! every organisation with its names in several scripts, every source with its
//! publisher, affiliation and the demo documenter's reliability grade and reason.

/// Where the demo puts incidents known only to have happened in Albania (Tirana).
pub const ALBANIA: (&str, &str) = ("41.33", "19.82");

/// Organisations: name, kind, other spellings.
pub const ORGS: [(&str, &str, &str); 11] = [
    (
        "Government of Iraq",
        "government",
        "Iraqi government; GoI; حكومة العراق; دولت عراق",
    ),
    (
        "Committee for closing Camp Ashraf",
        "government",
        "Ashraf closure committee; لجنة إغلاق مخيم أشرف",
    ),
    (
        "Quds Force",
        "armed_group",
        "Qods Force; QF; نیروی قدس; فيلق القدس",
    ),
    (
        "Iranian Ministry of Intelligence",
        "government",
        "MOIS; Ministry of Intelligence; وزارت اطلاعات",
    ),
    ("Nejat Association", "ngo", "انجمن نجات"),
    (
        "Iranian state television news network",
        "media_outlet",
        "IRINN; شبکه خبر",
    ),
    (
        "Government of Iran",
        "government",
        "Iranian government; دولت ایران; الحكومة الإيرانية",
    ),
    (
        "UN Assistance Mission for Iraq",
        "un_body",
        "UNAMI; یونامی; يونامي",
    ),
    (
        "US Embassy in Baghdad",
        "embassy",
        "American Embassy Baghdad; سفارت آمریکا در بغداد",
    ),
    (
        "Residents' representatives",
        "residents",
        "Camp Liberty residents' representatives; نمایندگان ساکنان",
    ),
    (
        "Residents' advocacy websites",
        "media_outlet",
        "Defence of Ashraf; PMOI blogs",
    ),
];

/// Sources: key, kind, title, publisher, date, language, affiliation, aligned with,
/// grade, reason.
pub type SourceRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

pub const SOURCES: [SourceRow; 7] = [
    ("refused", "article", "Residents refuse a 'voluntary' move to Liberty", "Residents' advocacy websites",
     "2012-07-01", "en", "aligned", "Residents' representatives", "C",
     "Advocacy for the residents: dates and events are specific and often checkable, tone and attributions partisan."),
    ("obstruct", "article", "Tehran and Baghdad obstruct transfers abroad", "Residents' advocacy websites",
     "2014-01-20", "en", "aligned", "Residents' representatives", "C",
     "Advocacy for the residents, relaying statements of allied committees; specific dates, no independent check."),
    ("pawns", "article", "The residents as bargaining chips", "Residents' advocacy websites",
     "2014-06-01", "en", "aligned", "Residents' representatives", "D",
     "Opinion piece; few checkable facts."),
    ("isj", "statement", "Call to protect Camp Liberty residents", "Residents' representatives",
     "2015-02-01", "en", "aligned", "Residents' representatives", "C",
     "Parliamentarians' committee supporting the residents; cites UN documents that can be checked."),
    ("embassy", "statement", "Embassy remarks on moving the Ashraf residents", "US Embassy in Baghdad",
     "", "en", "official", "", "B",
     "Official statement of a party to the arrangements, as quoted by the press; speaks for its government."),
    ("press-2011", "article", "US ambassador urges the Ashraf residents to move elsewhere in Iraq", "",
     "", "en", "independent", "", "C",
     "A newspaper report, in a copy reposted by a residents' support site that names neither outlet nor date; quotes US officials and Congress members by name."),
    ("state-tv", "video", "State television on the residents going to Albania", "Iranian state television news network",
     "2013-05-18", "fa", "aligned", "Government of Iran", "E",
     "State broadcaster of the state hostile to the residents; its claims about them have proved false before."),
];
