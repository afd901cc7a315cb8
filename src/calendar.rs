//! Gregorian ↔ Solar Hijri (Jalali) dates, pure arithmetic.
//!
//! Dates are stored as Gregorian (ISO) and shown to Persian readers in the
//! Solar Hijri calendar used in Iran and Afghanistan. The conversion follows
//! the "breaks" algorithm of jalaali-js (Borkowski), which reproduces the
//! astronomical calendar for years 1–3177 AP; outside that range we refuse
//! rather than guess, so every function returns `Option`.
//!
//! Days are counted from 1970-01-01 (the Unix epoch), so a Unix timestamp maps
//! onto the same line with one `div_euclid`. The month names the date formats
//! of `i18n` need (Persian, Arabic, English) live here too.

/// Persian month names, Farvardin first.
pub const PERSIAN_MONTHS: [&str; 12] = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
];

/// Persian name of a Jalali month (1–12).
pub fn persian_month_name(month: u8) -> Option<&'static str> {
    PERSIAN_MONTHS
        .get(usize::from(month).checked_sub(1)?)
        .copied()
}

/// English month abbreviations, January first.
pub const ENGLISH_MONTHS_SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Gregorian month names in Arabic, January first: CLDR's default `ar` set
/// (يناير …), not the Levantine one (كانون الثاني …).
pub const ARABIC_MONTHS: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

/// Years in which the leap pattern of the Jalali calendar changes (jalaali-js).
/// Between two breaks the calendar follows a regular 33-year cycle.
const BREAKS: [i64; 20] = [
    -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324,
    2394, 2456, 3178,
];

/// First and last supported Jalali years.
pub const MIN_JALALI_YEAR: i32 = 1;
pub const MAX_JALALI_YEAR: i32 = 3177;

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
/// Does not validate; callers check the month and day first.
pub fn days_from_civil(y: i64, m: u8, d: u8) -> i64 {
    let (m, d) = (i64::from(m), i64::from(d));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Proleptic Gregorian date of a day counted from 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    // m is in 1..=12 and d in 1..=31 by construction.
    (y, m as u8, d as u8)
}

fn is_gregorian_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn gregorian_month_len(y: i64, m: u8) -> Option<u8> {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if is_gregorian_leap(y) => Some(29),
        2 => Some(28),
        _ => None,
    }
}

/// What `jal_cal` of jalaali-js returns: the Gregorian year in which the
/// Jalali year starts, the March day of 1 Farvardin, and whether it is leap.
struct YearInfo {
    gy: i64,
    march: i64,
    leap: bool,
}

fn year_info(jy: i64) -> Option<YearInfo> {
    let last = *BREAKS.last()?;
    if jy < i64::from(MIN_JALALI_YEAR) || jy >= last {
        return None;
    }
    let gy = jy + 621;
    let mut leap_j: i64 = -14;
    let mut jp = *BREAKS.first()?;
    let mut jump = 0;
    for &jm in BREAKS.iter().skip(1) {
        jump = jm - jp;
        if jy < jm {
            break;
        }
        leap_j += jump / 33 * 8 + (jump % 33) / 4;
        jp = jm;
    }
    let mut n = jy - jp;
    // Leap years from AD 621 to the start of this year, in both calendars.
    leap_j += n / 33 * 8 + (n % 33 + 3) / 4;
    if jump % 33 == 4 && jump - n == 4 {
        leap_j += 1;
    }
    let leap_g = gy / 4 - (gy / 100 + 1) * 3 / 4 - 150;
    let march = 20 + leap_j - leap_g;
    if jump - n < 6 {
        n = n - jump + (jump + 4) / 33 * 33;
    }
    // n ≥ 0 here, so truncating division and remainder behave like jalaali-js.
    let mut leap = ((n + 1) % 33 - 1) % 4;
    if leap == -1 {
        leap = 4;
    }
    Some(YearInfo {
        gy,
        march,
        leap: leap == 0,
    })
}

/// Whether a Jalali year has 366 days (Esfand 30 exists).
pub fn is_jalali_leap(jy: i32) -> Option<bool> {
    year_info(i64::from(jy)).map(|i| i.leap)
}

/// Number of days in a Jalali month.
pub fn jalali_month_len(jy: i32, jm: u8) -> Option<u8> {
    match jm {
        1..=6 => Some(31),
        7..=11 => Some(30),
        12 => Some(if is_jalali_leap(jy)? { 30 } else { 29 }),
        _ => None,
    }
}

/// Days since 1970-01-01 of a Jalali date; `None` if it does not exist.
pub fn jalali_to_days(jy: i32, jm: u8, jd: u8) -> Option<i64> {
    if jd == 0 || jd > jalali_month_len(jy, jm)? {
        return None;
    }
    let info = year_info(i64::from(jy))?;
    let nowruz = days_from_civil(info.gy, 3, u8::try_from(info.march).ok()?);
    let jm = i64::from(jm);
    Some(nowruz + (jm - 1) * 31 - jm / 7 * (jm - 7) + i64::from(jd) - 1)
}

/// Jalali date of a day counted from 1970-01-01; `None` outside 1–3177 AP.
pub fn days_to_jalali(days: i64) -> Option<(i32, u8, u8)> {
    let (gy, _, _) = civil_from_days(days);
    let mut jy = gy - 621;
    let info = year_info(jy)?;
    let nowruz = days_from_civil(info.gy, 3, u8::try_from(info.march).ok()?);
    let mut k = days - nowruz;
    if k >= 0 {
        if k <= 185 {
            return narrow(jy, 1 + k / 31, k % 31 + 1);
        }
        k -= 186;
    } else {
        // Before Nowruz: the last months of the previous Jalali year.
        jy -= 1;
        k += 179;
        if year_info(jy)?.leap {
            k += 1;
        }
    }
    narrow(jy, 7 + k / 30, k % 30 + 1)
}

fn narrow(y: i64, m: i64, d: i64) -> Option<(i32, u8, u8)> {
    Some((
        i32::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    ))
}

/// Gregorian → Jalali. `None` for an invalid Gregorian date or one outside
/// the supported range (Gregorian years 622–3798).
pub fn gregorian_to_jalali(gy: i32, gm: u8, gd: u8) -> Option<(i32, u8, u8)> {
    if gd == 0 || gd > gregorian_month_len(i64::from(gy), gm)? {
        return None;
    }
    days_to_jalali(days_from_civil(i64::from(gy), gm, gd))
}

/// Jalali → Gregorian. `None` for a date that does not exist (e.g. 1404-12-30).
pub fn jalali_to_gregorian(jy: i32, jm: u8, jd: u8) -> Option<(i32, u8, u8)> {
    let (y, m, d) = civil_from_days(jalali_to_days(jy, jm, jd)?);
    Some((i32::try_from(y).ok()?, m, d))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    type Ymd = (i32, u8, u8);

    /// Generated with PyPI `jdatetime` 6.1.1 (`jdatetime.date(y, 1, 1).togregorian()`
    /// and `.isleap()`, cross-checked by constructing Esfand 30):
    /// (Jalali year, Gregorian date of 1 Farvardin, leap year).
    #[rustfmt::skip]
    const NOWRUZ: [(i32, i32, u8, u8, bool); 201] = [
    (1300, 1921, 3, 21, true), (1301, 1922, 3, 22, false), (1302, 1923, 3, 22, false), (1303, 1924, 3, 21, false),
    (1304, 1925, 3, 21, true), (1305, 1926, 3, 22, false), (1306, 1927, 3, 22, false), (1307, 1928, 3, 21, false),
    (1308, 1929, 3, 21, false), (1309, 1930, 3, 21, true), (1310, 1931, 3, 22, false), (1311, 1932, 3, 21, false),
    (1312, 1933, 3, 21, false), (1313, 1934, 3, 21, true), (1314, 1935, 3, 22, false), (1315, 1936, 3, 21, false),
    (1316, 1937, 3, 21, false), (1317, 1938, 3, 21, true), (1318, 1939, 3, 22, false), (1319, 1940, 3, 21, false),
    (1320, 1941, 3, 21, false), (1321, 1942, 3, 21, true), (1322, 1943, 3, 22, false), (1323, 1944, 3, 21, false),
    (1324, 1945, 3, 21, false), (1325, 1946, 3, 21, true), (1326, 1947, 3, 22, false), (1327, 1948, 3, 21, false),
    (1328, 1949, 3, 21, false), (1329, 1950, 3, 21, true), (1330, 1951, 3, 22, false), (1331, 1952, 3, 21, false),
    (1332, 1953, 3, 21, false), (1333, 1954, 3, 21, true), (1334, 1955, 3, 22, false), (1335, 1956, 3, 21, false),
    (1336, 1957, 3, 21, false), (1337, 1958, 3, 21, true), (1338, 1959, 3, 22, false), (1339, 1960, 3, 21, false),
    (1340, 1961, 3, 21, false), (1341, 1962, 3, 21, false), (1342, 1963, 3, 21, true), (1343, 1964, 3, 21, false),
    (1344, 1965, 3, 21, false), (1345, 1966, 3, 21, false), (1346, 1967, 3, 21, true), (1347, 1968, 3, 21, false),
    (1348, 1969, 3, 21, false), (1349, 1970, 3, 21, false), (1350, 1971, 3, 21, true), (1351, 1972, 3, 21, false),
    (1352, 1973, 3, 21, false), (1353, 1974, 3, 21, false), (1354, 1975, 3, 21, true), (1355, 1976, 3, 21, false),
    (1356, 1977, 3, 21, false), (1357, 1978, 3, 21, false), (1358, 1979, 3, 21, true), (1359, 1980, 3, 21, false),
    (1360, 1981, 3, 21, false), (1361, 1982, 3, 21, false), (1362, 1983, 3, 21, true), (1363, 1984, 3, 21, false),
    (1364, 1985, 3, 21, false), (1365, 1986, 3, 21, false), (1366, 1987, 3, 21, true), (1367, 1988, 3, 21, false),
    (1368, 1989, 3, 21, false), (1369, 1990, 3, 21, false), (1370, 1991, 3, 21, true), (1371, 1992, 3, 21, false),
    (1372, 1993, 3, 21, false), (1373, 1994, 3, 21, false), (1374, 1995, 3, 21, false), (1375, 1996, 3, 20, true),
    (1376, 1997, 3, 21, false), (1377, 1998, 3, 21, false), (1378, 1999, 3, 21, false), (1379, 2000, 3, 20, true),
    (1380, 2001, 3, 21, false), (1381, 2002, 3, 21, false), (1382, 2003, 3, 21, false), (1383, 2004, 3, 20, true),
    (1384, 2005, 3, 21, false), (1385, 2006, 3, 21, false), (1386, 2007, 3, 21, false), (1387, 2008, 3, 20, true),
    (1388, 2009, 3, 21, false), (1389, 2010, 3, 21, false), (1390, 2011, 3, 21, false), (1391, 2012, 3, 20, true),
    (1392, 2013, 3, 21, false), (1393, 2014, 3, 21, false), (1394, 2015, 3, 21, false), (1395, 2016, 3, 20, true),
    (1396, 2017, 3, 21, false), (1397, 2018, 3, 21, false), (1398, 2019, 3, 21, false), (1399, 2020, 3, 20, true),
    (1400, 2021, 3, 21, false), (1401, 2022, 3, 21, false), (1402, 2023, 3, 21, false), (1403, 2024, 3, 20, true),
    (1404, 2025, 3, 21, false), (1405, 2026, 3, 21, false), (1406, 2027, 3, 21, false), (1407, 2028, 3, 20, false),
    (1408, 2029, 3, 20, true), (1409, 2030, 3, 21, false), (1410, 2031, 3, 21, false), (1411, 2032, 3, 20, false),
    (1412, 2033, 3, 20, true), (1413, 2034, 3, 21, false), (1414, 2035, 3, 21, false), (1415, 2036, 3, 20, false),
    (1416, 2037, 3, 20, true), (1417, 2038, 3, 21, false), (1418, 2039, 3, 21, false), (1419, 2040, 3, 20, false),
    (1420, 2041, 3, 20, true), (1421, 2042, 3, 21, false), (1422, 2043, 3, 21, false), (1423, 2044, 3, 20, false),
    (1424, 2045, 3, 20, true), (1425, 2046, 3, 21, false), (1426, 2047, 3, 21, false), (1427, 2048, 3, 20, false),
    (1428, 2049, 3, 20, true), (1429, 2050, 3, 21, false), (1430, 2051, 3, 21, false), (1431, 2052, 3, 20, false),
    (1432, 2053, 3, 20, true), (1433, 2054, 3, 21, false), (1434, 2055, 3, 21, false), (1435, 2056, 3, 20, false),
    (1436, 2057, 3, 20, true), (1437, 2058, 3, 21, false), (1438, 2059, 3, 21, false), (1439, 2060, 3, 20, false),
    (1440, 2061, 3, 20, false), (1441, 2062, 3, 20, true), (1442, 2063, 3, 21, false), (1443, 2064, 3, 20, false),
    (1444, 2065, 3, 20, false), (1445, 2066, 3, 20, true), (1446, 2067, 3, 21, false), (1447, 2068, 3, 20, false),
    (1448, 2069, 3, 20, false), (1449, 2070, 3, 20, true), (1450, 2071, 3, 21, false), (1451, 2072, 3, 20, false),
    (1452, 2073, 3, 20, false), (1453, 2074, 3, 20, true), (1454, 2075, 3, 21, false), (1455, 2076, 3, 20, false),
    (1456, 2077, 3, 20, false), (1457, 2078, 3, 20, true), (1458, 2079, 3, 21, false), (1459, 2080, 3, 20, false),
    (1460, 2081, 3, 20, false), (1461, 2082, 3, 20, true), (1462, 2083, 3, 21, false), (1463, 2084, 3, 20, false),
    (1464, 2085, 3, 20, false), (1465, 2086, 3, 20, true), (1466, 2087, 3, 21, false), (1467, 2088, 3, 20, false),
    (1468, 2089, 3, 20, false), (1469, 2090, 3, 20, true), (1470, 2091, 3, 21, false), (1471, 2092, 3, 20, false),
    (1472, 2093, 3, 20, false), (1473, 2094, 3, 20, false), (1474, 2095, 3, 20, true), (1475, 2096, 3, 20, false),
    (1476, 2097, 3, 20, false), (1477, 2098, 3, 20, false), (1478, 2099, 3, 20, true), (1479, 2100, 3, 21, false),
    (1480, 2101, 3, 21, false), (1481, 2102, 3, 21, false), (1482, 2103, 3, 21, true), (1483, 2104, 3, 21, false),
    (1484, 2105, 3, 21, false), (1485, 2106, 3, 21, false), (1486, 2107, 3, 21, true), (1487, 2108, 3, 21, false),
    (1488, 2109, 3, 21, false), (1489, 2110, 3, 21, false), (1490, 2111, 3, 21, true), (1491, 2112, 3, 21, false),
    (1492, 2113, 3, 21, false), (1493, 2114, 3, 21, false), (1494, 2115, 3, 21, true), (1495, 2116, 3, 21, false),
    (1496, 2117, 3, 21, false), (1497, 2118, 3, 21, false), (1498, 2119, 3, 21, true), (1499, 2120, 3, 21, false),
    (1500, 2121, 3, 21, false),
    ];

    /// Random days across 1300–1500 AP plus edges, from `jdatetime.date.fromgregorian`
    /// (random.seed(1405)): (Gregorian, Jalali).
    #[rustfmt::skip]
    const PAIRS: [(Ymd, Ymd); 70] = [
    ((2072, 11, 6), (1451, 8, 16)), ((2007, 6, 3), (1386, 3, 13)), ((2111, 1, 15), (1489, 10, 25)),
    ((2005, 12, 15), (1384, 9, 24)), ((1972, 1, 29), (1350, 11, 9)), ((1993, 4, 11), (1372, 1, 22)),
    ((2007, 10, 27), (1386, 8, 5)), ((2041, 4, 8), (1420, 1, 20)), ((2069, 1, 6), (1447, 10, 17)),
    ((2020, 10, 24), (1399, 8, 3)), ((2114, 2, 13), (1492, 11, 24)), ((1928, 11, 19), (1307, 8, 28)),
    ((2077, 6, 18), (1456, 3, 29)), ((1942, 12, 25), (1321, 10, 4)), ((2078, 2, 10), (1456, 11, 22)),
    ((2029, 5, 29), (1408, 3, 9)), ((2037, 7, 26), (1416, 5, 5)), ((2031, 10, 27), (1410, 8, 5)),
    ((1952, 11, 4), (1331, 8, 13)), ((1921, 12, 15), (1300, 9, 24)), ((1968, 2, 21), (1346, 12, 2)),
    ((1958, 1, 18), (1336, 10, 28)), ((1960, 4, 27), (1339, 2, 7)), ((2055, 4, 29), (1434, 2, 9)),
    ((1993, 8, 19), (1372, 5, 28)), ((1921, 4, 24), (1300, 2, 4)), ((1958, 2, 15), (1336, 11, 26)),
    ((2063, 12, 25), (1442, 10, 4)), ((1965, 7, 9), (1344, 4, 18)), ((1940, 10, 25), (1319, 8, 3)),
    ((2100, 12, 14), (1479, 9, 23)), ((1937, 3, 18), (1315, 12, 27)), ((2119, 7, 3), (1498, 4, 12)),
    ((1997, 1, 11), (1375, 10, 22)), ((2082, 2, 15), (1460, 11, 27)), ((2055, 9, 28), (1434, 7, 6)),
    ((2080, 11, 5), (1459, 8, 15)), ((2095, 8, 27), (1474, 6, 6)), ((2114, 3, 5), (1492, 12, 14)),
    ((1976, 8, 20), (1355, 5, 29)), ((1934, 4, 13), (1313, 1, 24)), ((2077, 9, 23), (1456, 7, 2)),
    ((2097, 9, 25), (1476, 7, 4)), ((2005, 8, 12), (1384, 5, 21)), ((1995, 5, 25), (1374, 3, 4)),
    ((2008, 11, 1), (1387, 8, 11)), ((2085, 8, 31), (1464, 6, 10)), ((2016, 5, 6), (1395, 2, 17)),
    ((1975, 6, 7), (1354, 3, 17)), ((1964, 4, 14), (1343, 1, 25)), ((2070, 10, 8), (1449, 7, 17)),
    ((2074, 3, 27), (1453, 1, 8)), ((1952, 9, 14), (1331, 6, 23)), ((2113, 1, 12), (1491, 10, 22)),
    ((1957, 3, 12), (1335, 12, 21)), ((2009, 2, 14), (1387, 11, 26)), ((1937, 1, 10), (1315, 10, 20)),
    ((2082, 1, 1), (1460, 10, 12)), ((2094, 5, 19), (1473, 2, 30)), ((2029, 9, 13), (1408, 6, 23)),
    ((2097, 11, 18), (1476, 8, 28)), ((2063, 5, 11), (1442, 2, 21)), ((2117, 7, 25), (1496, 5, 3)),
    ((2064, 1, 16), (1442, 10, 26)), ((2025, 3, 20), (1403, 12, 30)), ((2025, 3, 21), (1404, 1, 1)),
    ((2026, 3, 20), (1404, 12, 29)), ((2026, 3, 21), (1405, 1, 1)), ((2026, 11, 22), (1405, 9, 1)),
    ((1979, 2, 11), (1357, 11, 22)),
    ];

    #[test]
    fn nowruz_and_year_length_match_jdatetime() {
        for &(jy, gy, gm, gd, leap) in &NOWRUZ {
            assert_eq!(gregorian_to_jalali(gy, gm, gd), Some((jy, 1, 1)), "{jy}");
            assert_eq!(jalali_to_gregorian(jy, 1, 1), Some((gy, gm, gd)), "{jy}");
            assert_eq!(is_jalali_leap(jy), Some(leap), "{jy}");
            let last = if leap { 30 } else { 29 };
            assert!(jalali_to_gregorian(jy, 12, last).is_some(), "{jy}");
            assert_eq!(jalali_to_gregorian(jy, 12, last + 1), None, "{jy}");
            // The last day of the year is the day before the next Nowruz.
            let end = jalali_to_days(jy, 12, last).unwrap();
            assert_eq!(days_to_jalali(end + 1), Some((jy + 1, 1, 1)), "{jy}");
        }
    }

    #[test]
    fn sampled_days_match_jdatetime() {
        for &((gy, gm, gd), (jy, jm, jd)) in &PAIRS {
            assert_eq!(gregorian_to_jalali(gy, gm, gd), Some((jy, jm, jd)));
            assert_eq!(jalali_to_gregorian(jy, jm, jd), Some((gy, gm, gd)));
        }
    }

    #[test]
    fn leap_edges() {
        assert_eq!(jalali_to_gregorian(1403, 12, 30), Some((2025, 3, 20)));
        assert_eq!(jalali_to_gregorian(1404, 12, 29), Some((2026, 3, 20)));
        assert_eq!(jalali_to_gregorian(1404, 12, 30), None);
        assert_eq!(gregorian_to_jalali(2026, 11, 22), Some((1405, 9, 1)));
        assert_eq!(gregorian_to_jalali(2025, 2, 29), None);
        assert_eq!(gregorian_to_jalali(2024, 2, 29), Some((1402, 12, 10)));
        assert_eq!(jalali_to_gregorian(1405, 13, 1), None);
        assert_eq!(jalali_to_gregorian(1405, 1, 0), None);
        assert_eq!(gregorian_to_jalali(500, 1, 1), None);
        assert_eq!(days_to_jalali(i64::MAX / 2), None);
    }

    #[test]
    fn civil_days_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }

    #[test]
    fn month_names() {
        assert_eq!(persian_month_name(1), Some("فروردین"));
        assert_eq!(persian_month_name(9), Some("آذر"));
        assert_eq!(persian_month_name(0), None);
        assert_eq!(persian_month_name(13), None);
    }

    proptest! {
        /// Every day from 1 AP to 3177 AP survives both directions and consecutive
        /// days stay consecutive.
        #[test]
        fn round_trip(days in -489_000i64..668_000) {
            let (jy, jm, jd) = days_to_jalali(days).unwrap();
            prop_assert_eq!(jalali_to_days(jy, jm, jd), Some(days));
            let (gy, gm, gd) = civil_from_days(days);
            prop_assert_eq!(days_from_civil(gy, gm, gd), days);
            let g = (i32::try_from(gy).unwrap(), gm, gd);
            prop_assert_eq!(jalali_to_gregorian(jy, jm, jd), Some(g));
            let next = days_to_jalali(days + 1).unwrap();
            let expected_next = if jd < jalali_month_len(jy, jm).unwrap() {
                (jy, jm, jd + 1)
            } else if jm < 12 {
                (jy, jm + 1, 1)
            } else {
                (jy + 1, 1, 1)
            };
            prop_assert_eq!(next, expected_next);
        }
    }
}
