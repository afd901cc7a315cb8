//! Synthetic Persian names, shared by the benchmark's people and the matcher's
//! measurement (tests/it/matching_quality.rs): each line is the Persian spelling
//! followed by Latin spellings seen in passports, UN and Iraqi documents and the press
//! (the first is the most common). Names are drawn with Zipf-like frequencies, so a
//! few are very common and most are rare, as in a real population. Some spellings are known to defeat the
//! name key (domain/names.rs header: Babak, Hajar, Arabic-style Rida); they stay in on
//! purpose, so that recall is measured on realistic data, not on what passes.

pub const MEN: &str = "\
محمد|Mohammad|Muhammad|Mohammed|Mohamad
علی|Ali|Aly
حسین|Hossein|Hussein|Hosein|Husain
رضا|Reza|Ridha
حسن|Hassan|Hasan
مهدی|Mehdi|Mahdi
احمد|Ahmad|Ahmed
محمود|Mahmoud|Mahmud|Mahmood
مصطفی|Mostafa|Mustafa|Moustafa
مرتضی|Morteza|Murtada|Mortaza
مجتبی|Mojtaba|Mujtaba
جواد|Javad|Jawad
حمید|Hamid|Hameed
مجید|Majid|Majeed
سعید|Saeed|Said|Saeid
وحید|Vahid|Wahid
امیر|Amir|Ameer
کریم|Karim|Kareem
کاظم|Kazem|Kazim|Kadhim
قاسم|Ghasem|Qasem|Qasim
جعفر|Jafar|Jaafar|Ja'far
عباس|Abbas|Abas
عبدالله|Abdollah|Abdullah|Abdolah
ابراهیم|Ebrahim|Ibrahim
اسماعیل|Esmaeil|Ismail|Esmail
یوسف|Yousef|Yusuf|Youssef
یعقوب|Yaghoub|Yaqub|Yacoub
موسی|Mousa|Musa|Moosa
داوود|Davoud|Davood|Dawood
حیدر|Heydar|Haidar|Heidar
هادی|Hadi|Hady
ناصر|Naser|Nasser|Nasir
منصور|Mansour|Mansur|Mansoor
مسعود|Masoud|Masud|Massoud
بهروز|Behrouz|Behruz|Behrooz
فرهاد|Farhad
بابک|Babak
داریوش|Dariush|Daryoush
پرویز|Parviz|Parwiz
جمشید|Jamshid|Jamsheed
امید|Omid|Omeed
نوید|Navid|Naveed
علیرضا|Alireza|Ali Reza
محمدرضا|Mohammadreza|Mohammad Reza
ابوالفضل|Abolfazl|Abulfazl|Abul Fazl
صادق|Sadegh|Sadeq|Sadiq
باقر|Bagher|Baqer|Baqir
رحیم|Rahim|Raheem
رسول|Rasoul|Rasul|Rasool
خلیل|Khalil|Khaleel
محسن|Mohsen|Mohsin
احسان|Ehsan|Ihsan
میثم|Meysam|Meisam|Maytham
یاسر|Yaser|Yasser|Yasir
شهرام|Shahram
کامران|Kamran
آرش|Arash
سیاوش|Siavash|Siyavash";

pub const WOMEN: &str = "\
فاطمه|Fatemeh|Fatima|Fatemah
زهرا|Zahra|Zahraa|Zehra
زینب|Zeinab|Zaynab|Zainab
مریم|Maryam|Mariam|Maryem
معصومه|Masoumeh|Masumeh|Masoomeh
سکینه|Sakineh|Sakina
خدیجه|Khadijeh|Khadija|Khadije
رقیه|Roghayeh|Roqayeh|Ruqayya
سمیه|Somayeh|Sumayya|Somaye
لیلا|Leila|Layla|Leyla
نرگس|Narges|Nargis
اعظم|Azam|A'zam
اکرم|Akram
اشرف|Ashraf
طاهره|Tahereh|Tahere|Tahira
زهره|Zohreh|Zohre
فرشته|Fereshteh|Fereshte
پروانه|Parvaneh|Parvane
شیرین|Shirin|Shireen
نسرین|Nasrin|Nasreen
پروین|Parvin|Parveen
مهناز|Mahnaz
الهام|Elham|Ilham
آزاده|Azadeh|Azade
مینا|Mina
ثریا|Soraya|Sorayya
راضیه|Raziyeh|Razieh
مرضیه|Marziyeh|Marzieh
محبوبه|Mahboubeh|Mahbubeh|Mahbooba
بتول|Batoul|Batul|Batool
ناهید|Nahid|Naheed
شهلا|Shahla
مهسا|Mahsa
عاطفه|Atefeh|Atefe
سارا|Sara|Sarah
لاله|Laleh|Lale
نازنین|Nazanin
سپیده|Sepideh|Sepide
سمیرا|Samira|Sameera
ریحانه|Reyhaneh|Reihaneh|Rayhana
کبری|Kobra|Kubra
صغری|Soghra|Sughra
طیبه|Tayebeh|Tayyebeh
منیره|Monireh|Munira
افسانه|Afsaneh|Afsane
هاجر|Hajar|Hajer
فریبا|Fariba
نیلوفر|Niloufar|Nilufar|Niloofar
گلناز|Golnaz
ژاله|Zhaleh|Jaleh";

pub const FAMILIES: &str = "\
احمدی|Ahmadi|Ahmady|Ahmedi
حسینی|Hosseini|Husseini|Hoseini
محمدی|Mohammadi|Mohamadi|Muhammadi
رضایی|Rezaei|Rezaee|Rezaie|Rezai
مرادی|Moradi|Muradi
کریمی|Karimi|Kareemi
جعفری|Jafari|Jaafari|Ja'fari
رحیمی|Rahimi|Raheemi
هاشمی|Hashemi|Hashimi|al-Hashimi
کاظمی|Kazemi|Kazimi|Kadhimi
موسوی|Mousavi|Musavi|Moosavi|Musawi
صادقی|Sadeghi|Sadeqi|Sadiqi
قاسمی|Ghasemi|Qasemi|Qasimi
حیدری|Heidari|Heydari|Haidari
علوی|Alavi|Alawi
ابراهیمی|Ebrahimi|Ibrahimi
عباسی|Abbasi|Abasi
طاهری|Taheri|Tahiri
نجفی|Najafi|Nadjafi
شریفی|Sharifi|Shareefi
نوری|Nouri|Nuri|Noori
رستمی|Rostami|Rustami
انصاری|Ansari
یزدانی|Yazdani
تهرانی|Tehrani|Teherani
شیرازی|Shirazi
تبریزی|Tabrizi
امینی|Amini|Ameeni
باقری|Bagheri|Baqeri|Baqiri
قربانی|Ghorbani|Qorbani|Gorbani
حسین‌زاده|Hosseinzadeh|Hossein Zadeh|Hoseinzade
علیزاده|Alizadeh|Ali Zadeh|Alizade
حسن‌زاده|Hassanzadeh|Hasanzadeh|Hassan Zadeh
رضازاده|Rezazadeh|Reza Zadeh
رحمانی|Rahmani|Rahmany
سلطانی|Soltani|Sultani
زمانی|Zamani
اکبری|Akbari
اسدی|Asadi|Assadi
میرزایی|Mirzaei|Mirzaee|Mirzai
نادری|Naderi|Nadiri
صالحی|Salehi|Salihi
عزیزی|Azizi|Azeezi
حبیبی|Habibi|Habeebi
محمودی|Mahmoudi|Mahmudi|Mahmoodi
خراسانی|Khorasani|Khurasani
اصفهانی|Esfahani|Isfahani
فاطمی|Fatemi|Fatimi
مقدم|Moghaddam|Moqaddam
کرمانی|Kermani|Kirmani
کاشانی|Kashani
یزدی|Yazdi
رشتی|Rashti
زنجانی|Zanjani
اردبیلی|Ardabili|Ardebili
همدانی|Hamedani|Hamadani
گیلانی|Gilani|Geelani
مشهدی|Mashhadi
قزوینی|Ghazvini|Qazvini
جلالی|Jalali
کمالی|Kamali
جمالی|Jamali
بهرامی|Bahrami
فرهادی|Farhadi
امیری|Amiri|Ameeri
نصیری|Nasiri|Naseeri
منصوری|Mansouri|Mansuri|Mansoori
مسعودی|Masoudi|Masudi
یوسفی|Yousefi|Yusufi
داوودی|Davoudi|Davoodi|Dawoodi
سلیمانی|Soleimani|Sulaimani|Soleymani
عسگری|Asgari|Askari
شجاعی|Shojaei|Shojaee|Shujai
کیانی|Kiani|Kiyani
رضوی|Razavi|Radawi
طباطبایی|Tabatabaei|Tabatabai
پورمحمدی|Pourmohammadi|Pour Mohammadi
نیک‌نام|Niknam|Nik Nam
دهقان|Dehghan|Dehqan
کشاورز|Keshavarz|Keshawarz";

/// One name: its Persian spelling and its Latin spellings (the usual one first).
pub struct Name {
    pub script: String,
    pub latin: Vec<String>,
}

impl Name {
    /// The usual Latin spelling.
    pub fn usual(&self) -> &str {
        self.latin.first().map_or("", String::as_str)
    }
}

pub fn parse(table: &str) -> Vec<Name> {
    table
        .lines()
        .map(|l| {
            let mut parts = l.split('|');
            Name {
                script: parts.next().unwrap_or_default().to_string(),
                latin: parts.map(str::to_string).collect(),
            }
        })
        .collect()
}

/// Suffixes that make family names from given names (Hosseinpour, Karimnejad,
/// Alizadeh): Persian spelling and Latin spellings.
pub const SUFFIXES: [(&str, &[&str]); 4] = [
    ("زاده", &["zadeh", "zade"]),
    ("پور", &["pour", "poor", "pur"]),
    ("نژاد", &["nejad", "nezhad"]),
    ("نیا", &["nia", "niya"]),
];

/// Family names made of a given name and a suffix. In Latin they are written as one
/// word (or, as registrars often do, as two); in Persian with a ZWNJ after a letter
/// that would otherwise join.
pub fn compounds(men: &[Name], plain: &[Name]) -> Vec<Name> {
    let mut out = Vec::new();
    for g in men.iter().filter(|g| !g.script.contains(' ')) {
        for (script, latin) in SUFFIXES {
            let joins = !g.script.ends_with(['ا', 'د', 'ذ', 'ر', 'ز', 'ژ', 'و']);
            let sep = if joins { "\u{200C}" } else { "" };
            // Only the usual spelling of the given name, to keep the list plausible.
            let stem = g.usual();
            let mut spellings = Vec::new();
            for (i, l) in latin.iter().enumerate() {
                spellings.push(format!("{stem}{l}"));
                if i == 0 {
                    spellings.push(format!("{stem} {}", capitalise(l)));
                }
            }
            let first = spellings.first().cloned().unwrap_or_default();
            if plain.iter().any(|n| n.usual().eq_ignore_ascii_case(&first)) {
                continue; // already a plain family name (Hosseinzadeh, Alizadeh)
            }
            out.push(Name {
                script: format!("{}{sep}{script}", g.script),
                latin: spellings,
            });
        }
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut cs = s.chars();
    cs.next()
        .map(|c| c.to_uppercase().chain(cs).collect())
        .unwrap_or_default()
}

/// Zipf-like weights over `n` names: the i-th is drawn in proportion to 1/i^s.
pub struct Picker(Vec<f64>);

impl Picker {
    pub fn new(n: usize, s: f64) -> Self {
        let mut acc = 0.0;
        Picker(
            (1..=n)
                .map(|i| {
                    acc += 1.0 / (i as f64).powf(s);
                    acc
                })
                .collect(),
        )
    }
    pub fn pick(&self, rng: &mut impl rand::Rng) -> usize {
        let x = rng.gen::<f64>() * self.0.last().copied().unwrap_or(1.0);
        self.0
            .partition_point(|c| *c < x)
            .min(self.0.len().saturating_sub(1))
    }
}

/// The name lists with their frequencies.
pub struct Names {
    pub men: Vec<Name>,
    pub women: Vec<Name>,
    pub families: Vec<Name>,
    men_pick: Picker,
    women_pick: Picker,
    family_pick: Picker,
}

/// The lists, built once per process.
pub fn names() -> &'static Names {
    static NAMES: std::sync::LazyLock<Names> = std::sync::LazyLock::new(Names::new);
    &NAMES
}

impl Names {
    fn new() -> Self {
        let (men, women, mut families) = (parse(MEN), parse(WOMEN), parse(FAMILIES));
        // Surnames are far more varied than given names: the plain ones first (the
        // common end of the distribution), then hundreds of compounds.
        let compounds = compounds(&men, &families);
        families.extend(compounds);
        Names {
            men_pick: Picker::new(men.len(), 0.9),
            women_pick: Picker::new(women.len(), 0.9),
            family_pick: Picker::new(families.len(), 0.5),
            men,
            women,
            families,
        }
    }

    /// Given name `i` of the women's or the men's list.
    pub fn given(&self, female: bool, i: usize) -> Option<&Name> {
        if female { &self.women } else { &self.men }.get(i)
    }

    pub fn family(&self, i: usize) -> Option<&Name> {
        self.families.get(i)
    }

    /// A name for a woman or a man: (female, given index, family index).
    pub fn draw(&self, rng: &mut impl rand::Rng, female: bool) -> (bool, usize, usize) {
        let g = if female {
            self.women_pick.pick(rng)
        } else {
            self.men_pick.pick(rng)
        };
        (female, g, self.family_pick.pick(rng))
    }
}
