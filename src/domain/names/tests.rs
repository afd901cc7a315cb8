//! Tests of the parent module.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::*;
use proptest::prelude::*;
use std::collections::BTreeMap;

/// Spellings of one name that must share one key; classes end at `;` or a newline.
const CLASSES: &str = "\
Mohammad|Muhammad|Mohammed|Mohamad|Mohamed|محمد|مُحَمَّد|ﻣﺤﻤﺪ ; Hossein|Hussein|Husain|Hosein|Husayn|حسین|حسين
Zahra|Zahraa|Zehra|زهرا|زهراء ; Reza|Redha|Rezā|رضا
Qasem|Ghasem|Kasim|Qassim|Qasim|قاسم ; Jafar|Ja'far|Djafar|Jaafar|Ja‘far|جعفر
Abdollah|Abdullah|Abdolah|Abd Allah|Abd al-Lah|عبدالله|عبد الله ; Fatemeh|Fatima|Fatemah|Fatimah|فاطمه|فاطمة
Ali|Aly|Alí|علی|علي ; Yousef|Yusuf|Youssef|Yosef|یوسف|يوسف
Kazem|Kadhim|Kazim|Kadhem|کاظم|كاظم ; Zeinab|Zaynab|Zainab|Zeynab|زینب|زينب
Mostafa|Mustafa|Moustafa|Mustapha|مصطفی|مصطفى ; Saeed|Said|Saeid|Sa'id|سعید|سعيد
Javad|Jawad|Djavad|جواد ; Mahdi|Mehdi|Mahdy|مهدی|مهدي
Hamid|Hameed|حمید|حميد ; Majid|Majeed|Madjid|مجید|مجيد
Mahmoud|Mahmud|Mahmood|محمود ; Ebrahim|Ibrahim|Ebraheem|Ibraheem|ابراهیم|إبراهيم
Esmail|Ismail|Esmaeil|Ismaeel|Esma'il|اسماعیل|إسماعيل ; Yaghoub|Yaqub|Yaqoob|Yacoub|یعقوب|يعقوب
Mousa|Musa|Moosa|Moussa|موسی|موسى ; Morteza|Murtada|Murtadha|Mortaza|مرتضی|مرتضى
Mojtaba|Mujtaba|Mojtabá|مجتبی|مجتبى ; Abolfazl|Abulfazl|Abol Fazl|Abu al-Fadl|Abu'l-Fadl|ابوالفضل|ابو الفضل
Abdolrahman|Abdul Rahman|Abd al-Rahman|Abdurrahman|Abdorrahman|عبدالرحمن|عبد الرحمن ; Nasrollah|Nasrullah|Nasr Allah|Nasr-ullah|نصرالله|نصر الله
Nasreddin|Nasr al-Din|Nasroddin|Nasr-ed-Din|Nasruddin|نصرالدین|نصر الدین ; Rouhollah|Ruhollah|Rohollah|Ruhullah|روح\u{200C}الله|روح الله
Fathollah|Fathullah|Fath Allah|فتح\u{200C}الله|فتح الله ; Davood|Davoud|Dawood|Dawud|Daoud|داوود
Heydar|Haidar|Heidar|Haydar|حیدر|حيدر ; Amir|Ameer|امیر|أمير
Karim|Kareem|کریم|كريم ; Hadi|Hady|هادی|هادي
Abbas|Abas|عباس ; Ahmad|Ahmed|احمد|أحمد
Hassan|Hasan|حسن ; Seyed|Sayed|Seyyed|Sayyid|سید|سيد
Gholam|Qolam|Ghulam|Golam|غلام ; Bagher|Baqer|Baqir|باقر
Soleiman|Sulaiman|Suleyman|Soleyman|سلیمان|سليمان ; Mansour|Mansur|Mansoor|منصور
Yahya|Yahia|Yehya|یحیی|يحيى ; Yasin|Yaseen|Yassin|یاسین|ياسين
Masoumeh|Masumeh|Ma'soumeh|Masoomeh|معصومه|معصومة ; Khadijeh|Khadija|Khadijah|Khadije|خدیجه|خديجة
Somayeh|Sumayya|Somaye|Somayyeh|سمیه|سمية ; Roghayeh|Roqayyeh|Ruqayya|Roqayeh|رقیه|رقية
Maryam|Mariam|Maryem|Meryem|مریم|مريم ; Leila|Layla|Leyla|Laila|لیلا|لیلی|ليلى
Tahereh|Tahira|Taherah|Tahere|طاهره|طاهرة ; Hosseini|Husseini|Hosseyni|al-Husseini|حسینی|الحسینی
Mousavi|Musavi|Moosavi|Musawi|موسوی|الموسوي ; Rezaei|Rezaee|Rezaie|Rezai|رضایی|رضائی
Sadeghi|Sadeqi|Sadiqi|Sadeghy|صادقی|صادقي ; Hosseinzadeh|Hossein Zadeh|Hoseinzade|Hosseinzade|حسین\u{200C}زاده|حسین زاده
Alizadeh|Ali Zadeh|Alizade|علیزاده|علی\u{200C}زاده ; Ghorbani|Qorbani|Gorbani|Qurbani|قربانی
Nouri|Nuri|Noori|نوری|نوري ; Esfahani|Isfahani|Esfehani|Isfahany|اصفهانی
Hashemi|Hashimi|al-Hashimi|هاشمی|الهاشمي ; Ja'fari|Jafari|Jafary|جعفری|جعفري";

/// ~190 distinct given and family names, Latin=Persian.
const DISTINCT: &str = "Mohammad=محمد Ali=علی Hossein=حسین Hassan=حسن Reza=رضا Mahdi=مهدی
Ahmad=احمد Mahmoud=محمود Mostafa=مصطفی Morteza=مرتضی Mojtaba=مجتبی Javad=جواد Hamid=حمید
Hamed=حامد Majid=مجید Saeed=سعید Vahid=وحید Amir=امیر Amin=امین Karim=کریم Kazem=کاظم
Qasem=قاسم Jafar=جعفر Abbas=عباس Abdollah=عبدالله Ebrahim=ابراهیم Esmail=اسماعیل
Yousef=یوسف Yaghoub=یعقوب Mousa=موسی Isa=عیسی Yahya=یحیی Younes=یونس Davood=داوود
Soleiman=سلیمان Hadi=هادی Nasser=ناصر Mansour=منصور Masoud=مسعود Behrouz=بهروز
Farhad=فرهاد Babak=بابک Dariush=داریوش Kourosh=کوروش Siavash=سیاوش Parviz=پرویز
Jamshid=جمشید Bijan=بیژن Houshang=هوشنگ Manouchehr=منوچهر Shahram=شهرام Kamran=کامران
Arash=آرش Omid=امید Navid=نوید Peyman=پیمان Payam=پیام Ramin=رامین Sina=سینا Nima=نیما
Gholam=غلام Abolfazl=ابوالفضل Abdolrahman=عبدالرحمن Heydar=حیدر Sadegh=صادق Bagher=باقر
Taghi=تقی Naghi=نقی Hashem=هاشم Jalal=جلال Kamal=کمال Jamal=جمال Akbar=اکبر Asghar=اصغر
Rahim=رحیم Rasoul=رسول Khalil=خلیل Salman=سلمان Meysam=میثم Mehran=مهران Mohsen=محسن
Ehsan=احسان Hamzeh=حمزه Zakaria=زکریا Is'haq=اسحاق Saleh=صالح Adel=عادل Aziz=عزیز
Habib=حبیب Nasrollah=نصرالله Fathollah=فتح‌الله Rouhollah=روح‌الله Seyed=سید Shahab=شهاب
Yaser=یاسر Yasin=یاسین Mehrdad=مهرداد Farzad=فرزاد Behzad=بهزاد Fatemeh=فاطمه Zahra=زهرا
Zeinab=زینب Maryam=مریم Masoumeh=معصومه Sakineh=سکینه Khadijeh=خدیجه Roghayeh=رقیه
Somayeh=سمیه Leila=لیلا Narges=نرگس Azam=اعظم Akram=اکرم Ashraf=اشرف Tahereh=طاهره
Zohreh=زهره Fereshteh=فرشته Parvaneh=پروانه Shirin=شیرین Nasrin=نسرین Parvin=پروین
Mahnaz=مهناز Elham=الهام Azadeh=آزاده Mina=مینا Minoo=مینو Soraya=ثریا Raziyeh=راضیه
Marziyeh=مرضیه Mahboubeh=محبوبه Robabeh=ربابه Batoul=بتول Hajar=هاجر Nahid=ناهید
Shahla=شهلا Mahsa=مهسا Atefeh=عاطفه Hoda=هدی Sara=سارا Laleh=لاله Nazanin=نازنین
Sepideh=سپیده Samira=سمیرا Golnaz=گلناز Reyhaneh=ریحانه Kobra=کبری Soghra=صغری
Tayebeh=طیبه Monireh=منیره Afsaneh=افسانه Ahmadi=احمدی Hosseini=حسینی Mohammadi=محمدی
Rezaei=رضایی Moradi=مرادی Karimi=کریمی Jafari=جعفری Rahimi=رحیمی Hashemi=هاشمی
Kazemi=کاظمی Mousavi=موسوی Sadeghi=صادقی Ghasemi=قاسمی Heidari=حیدری Alavi=علوی
Ebrahimi=ابراهیمی Abbasi=عباسی Taheri=طاهری Najafi=نجفی Sharifi=شریفی Nouri=نوری
Rostami=رستمی Ansari=انصاری Yazdani=یزدانی Tehrani=تهرانی Shirazi=شیرازی Tabrizi=تبریزی
Amini=امینی Bagheri=باقری Ghorbani=قربانی Hosseinzadeh=حسین‌زاده Alizadeh=علیزاده
Rahmani=رحمانی Soltani=سلطانی Zamani=زمانی Akbari=اکبری Asadi=اسدی Mirzaei=میرزایی
Naderi=نادری Salehi=صالحی Azizi=عزیزی Habibi=حبیبی Mahmoudi=محمودی Khorasani=خراسانی
Esfahani=اصفهانی Fatemi=فاطمی Hassanzadeh=حسن‌زاده Sadr=صدر Moghaddam=مقدم Mirza=میرزا";

/// Latin ≠ script on purpose (module header: known false splits).
const KNOWN_SPLITS: [&str; 3] = ["Babak", "Hajar", "Kourosh"];

/// Pairs that must keep different keys.
const APART: &str = "Hassan/Hossein حسن/حسین Ali/Alia Ali/Aliyeh Zahra/Zahir Reza/Raziyeh
Karim/Kazem Amir/Amin Mahmoud/Mohammad Jamal/Kamal Nasser/Nasrin Hadi/Mahdi Majid/Mojtaba
Yousef/Joseph Mina/Minoo Ahmad/Ahmadi Ehsan/Hassan Omid/Hamid Zahra/Zaher Mehdi/Mahdieh
Hassanzadeh/Hosseinzadeh Abdolhassan/Abdolhossein Hosseini/Hassani Mansour/Mansoureh
Masoud/Masoumeh Reza/Rezaei Rezaei/Raziyeh Mirzaei/Marziyeh Ali/Alavi Parviz/Parvin Sina/Sana Leila/Laleh Sara/Soraya";

fn classes() -> Vec<Vec<&'static str>> {
    CLASSES
        .split(['\n', ';'])
        .map(|l| l.split('|').map(str::trim).collect())
        .collect()
}

#[test]
fn spellings_of_one_name_share_a_key() {
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    for class in classes() {
        let keys: Vec<String> = class.iter().map(|n| name_key(n)).collect();
        assert!(keys.iter().all(|k| k == &keys[0]), "{class:?} → {keys:?}");
        if let Some(other) = seen.insert(keys[0].clone(), class[0]) {
            assert!(
                other == "Saeed" || class[0] == "Saeed",
                "{other} and {} share {}",
                class[0],
                keys[0]
            );
        }
    }
}

#[test]
fn different_names_stay_apart() {
    for pair in APART.split_whitespace() {
        let (a, b) = pair.split_once('/').unwrap();
        assert_ne!(name_key(a), name_key(b), "{a} / {b}");
    }
}

#[test]
fn examples() {
    assert_eq!(name_key("Mohammad Reza  AHMADI"), "mhmd rde ahmde");
    assert_eq!(name_key("Hossein"), "hsin");
    assert_eq!(name_key("Fatemeh"), "ftime");
    assert_eq!(part_keys("Ali al-Hosseini"), ["ale", "hsine"]);
    assert_eq!(name_key("Is'haq"), name_key("اسحاق"));
    assert_eq!(name_key(""), "");
    assert_eq!(name_key("-- 123 ·"), "");
    assert_eq!(
        normalize_script("  عَلِيّ\u{200C}ـرضا  ۱۲۳ ك "),
        "علیرضا 123 ک"
    );
    assert_eq!(normalize_script("ﺍﻟﻠﻪ ﻻ ＡＢ"), "الله لا ab");
    // Look-alike Cyrillic letters do not hide a name.
    assert_eq!(name_key("M\u{43E}h\u{430}mm\u{430}d"), name_key("Mohammad"));
}

#[test]
fn distinct_names_rarely_collide() {
    let mut by_key: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let (mut splits, mut n) = (Vec::new(), 0);
    for pair in DISTINCT.split_whitespace() {
        let (latin, script) = pair.split_once('=').unwrap();
        let (kl, ks) = (name_key(latin), name_key(script));
        n += 1;
        if kl != ks {
            splits.push(format!("{latin}={kl} {script}={ks}"));
            by_key.entry(kl).or_default().push(latin);
        }
        by_key.entry(ks).or_default().push(latin);
    }
    let merged: Vec<_> = by_key.iter().filter(|(_, v)| v.len() > 1).collect();
    let names: usize = merged.iter().map(|(_, v)| v.len()).sum();
    println!("{n} names; {} keys shared by {names} names:", merged.len());
    merged
        .iter()
        .for_each(|(k, v)| println!("  {k}: {}", v.join(", ")));
    println!("Latin ≠ script: {splits:?}");
    assert!(
        splits
            .iter()
            .all(|s| KNOWN_SPLITS.iter().any(|k| s.starts_with(k))),
        "{splits:?}"
    );
    assert!(names * 100 <= n * 8, "false merges above 8 %: {merged:?}");
}

#[test]
fn keys_are_fixed_points() {
    for class in classes() {
        for n in class {
            let k = name_key(n);
            assert_eq!(name_key(&k), k, "{n}");
        }
    }
}

fn spellings() -> Vec<&'static str> {
    classes().into_iter().flatten().collect()
}

const HARAKAT: [char; 5] = ['\u{064E}', '\u{0650}', '\u{064F}', '\u{0651}', '\u{0652}'];
const ACCENTED: [(char, char); 5] = [('a', 'á'), ('e', 'é'), ('i', 'î'), ('o', 'ö'), ('u', 'ü')];

proptest! {
    #[test]
    fn never_panics(s in any::<String>()) {
        let _ = name_key(&s);
        let _ = part_keys(&s);
        let _ = normalize_script(&s);
    }

    #[test]
    fn key_of_a_key_is_itself(w in "[a-z' -]{1,24}|[ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی ]{1,16}") {
        let k = name_key(&w);
        // A part of a key can happen to spell a particle (al, abd, din…): then it glues.
        let ps: Vec<&str> = k.split(' ').collect();
        let plain = |(i, p): (usize, &&str)| role(p, ps.get(i + 1).copied()) == Role::Word;
        prop_assume!(ps.len() < 2 || ps.iter().enumerate().all(plain));
        prop_assert_eq!(name_key(&k), k);
    }

    #[test]
    fn insensitive_to_noise(
        i in 0usize..1000,
        noise in proptest::collection::vec((0usize..64, 0usize..6), 0..6),
        upper in any::<bool>(),
        pad in "[ \t\n]{0,3}",
    ) {
        let all = spellings();
        let base = all[i % all.len()];
        let mut cs: Vec<char> = if upper { base.to_uppercase() } else { base.to_string() }.chars().collect();
        for (pos, kind) in noise {
            let p = pos % (cs.len() + 1);
            match kind {
                0 => cs.insert(p, '\u{200C}'),
                1 => cs.insert(p, '\u{0640}'),
                2 => cs.insert(p, HARAKAT[pos % HARAKAT.len()]),
                3 => cs.insert(p, '\u{0301}'),
                4 => if let Some(&(_, acc)) = cs.get(p).and_then(|c| ACCENTED.iter().find(|(a, _)| a == c)) {
                    cs[p] = acc;
                },
                _ => if cs.get(p) == Some(&' ') { cs.insert(p, ' ') },
            }
        }
        let noisy = format!("{pad}{}{pad}", cs.into_iter().collect::<String>());
        prop_assert_eq!(name_key(&noisy), name_key(base), "{:?}", noisy);
    }
}

#[test]
fn the_fast_paths_of_fold_latin_agree_with_its_table() {
    // ASCII and the Arabic block skip the table: nothing there may be in it but '`'.
    let table = |c: char| {
        LATIN
            .iter()
            .find(|(from, _)| from.contains(c))
            .map(|(_, to)| *to)
    };
    for c in (0u32..0x80)
        .chain(0x0600..0x0700)
        .filter_map(char::from_u32)
    {
        assert_eq!(fold_latin(c), table(c), "{c:?}");
    }
}
