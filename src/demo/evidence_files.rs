//! The demo's evidence files, made here rather than fetched: a small picture of the
//! trailers at Liberty after the rocket attack (a real PNG, drawn in code), its
//! redacted copy, the residents' medical team's notes, and the texts of three sources
//! in English, Persian and Arabic. All synthetic, in vigil's own words; no one is
//! named.

/// The residents' medical team's notes on the evening of the fourth attack.
pub const NOTES: &str = "Camp Liberty, 26 December 2013, evening.
Notes of the residents' medical team, sent to the documenter the next morning.

Rockets fell in the residential area in the late afternoon. Several trailers burned;
the fire spread because the protective walls removed in 2012 were never returned.
Injured residents were carried to the camp clinic. The ambulances that came from
Baghdad were held at the camp gate before they were let in.
The team asks that the monitors of the UN mission visit the clinic.
";

/// The parliamentarians' call (source \"isj\"), as plain text.
pub const CALL_EN: &str = "Call to protect Camp Liberty residents

We, members of parliament from several European countries, ask the United Nations
and the Government of Iraq to protect the residents of Camp Liberty, near Baghdad
airport.

Since the rocket attack of 26 December 2013 the residents have asked for the concrete
protective walls and bunkers around the trailers to be returned; they were taken
away in 2012.

Fuel for the generators, water and medical supplies are held at the camp gate for
weeks at a time. Patients wait for permission to reach hospitals in Baghdad, and
appointments are cancelled without a reason.

We ask the UN mission to keep monitors in the camp around the clock, and UNHCR to
speed up the resettlement interviews so that the residents can leave Iraq for safe
third countries.
";

/// State television's report (source \"state-tv\"), a saved web page in Persian.
pub const STATE_TV_FA: &str = "<!doctype html>
<html lang=\"fa\" dir=\"rtl\"><head><meta charset=\"utf-8\">
<title>متن گزارش شبکهٔ خبر</title></head>
<body>
<h1>گزارش تلویزیون دولتی دربارهٔ انتقال ساکنان کمپ لیبرتی به آلبانی</h1>
<p>گوینده: گروهی از ساکنان کمپ لیبرتی در عراق به زودی به آلبانی منتقل می‌شوند.</p>
<p>گزارشگر می‌گوید دولت آلبانی با پذیرفتن آنان «اشتباه بزرگی» کرده است و پیامدهای آن را خواهد دید.</p>
<p>در پایان گزارش، کارشناس برنامه از دولت‌های اروپایی می‌خواهد که ساکنان را نپذیرند.</p>
<p>تاریخ پخش: ۲۸ اردیبهشت ۱۳۹۲</p>
</body></html>
";

/// The closure committee's statement (the demo's one Arabic source), a saved web page.
pub const COMMITTEE_AR: &str = "<!doctype html>
<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">
<title>بيان لجنة إغلاق مخيم أشرف</title></head>
<body>
<h1>بيان حول نقل سكان مخيم أشرف إلى مخيم ليبرتي</h1>
<p>تعلن اللجنة أن نقل السكان من مخيم أشرف إلى مخيم ليبرتي قرب مطار بغداد سيستمر على دفعات.</p>
<p>وتقول اللجنة إن الماء والكهرباء متوفران في المخيم الجديد، وإن قوافل الإمدادات تصل دون تأخير.</p>
<p>وتدعو اللجنة السكان إلى الانتقال طوعاً قبل نهاية المهلة في ١٥ شباط ٢٠١٢.</p>
</body></html>
";

const W: usize = 64;
const H: usize = 40;

/// The picture, grey levels row by row: sky, the ground, four trailers, smoke rising
/// from the second one and a scorch mark in front of it. With `redact`, a black band
/// hides the trailers' numbers, as the copy shared outside the team has it.
pub fn picture(redact: bool) -> Vec<u8> {
    let mut px = vec![0u8; W * H];
    for (i, p) in px.iter_mut().enumerate() {
        let (x, y) = (i % W, i / W);
        *p = if y < 22 {
            // Lighter towards the horizon.
            (170 + y * 3) as u8
        } else {
            120
        };
        // Trailers: 12 wide, rows 16..28, gaps of 3.
        let tx = x.saturating_sub(3);
        if (16..28).contains(&y) && x >= 3 && tx % 15 < 12 {
            *p = if tx / 15 == 1 { 60 } else { 200 };
            // Windows.
            if y == 19 && tx % 15 % 4 == 1 {
                *p = 90;
            }
            // Numbers painted on the side.
            if y == 24 && (4..8).contains(&(tx % 15)) {
                *p = 30;
            }
        }
        // Smoke over the second trailer, widening as it rises.
        let cx = 3 + 15 + 6;
        if y < 16 && x.abs_diff(cx + (16 - y) / 3) <= (16 - y) / 4 + 1 {
            *p = 70;
        }
        // A scorch mark on the ground.
        if (31..35).contains(&y) && x.abs_diff(cx) <= 5 {
            *p = 40;
        }
        if redact && (22..27).contains(&y) && x >= 3 {
            *p = 0;
        }
    }
    png(W, H, &px)
}

/// A greyscale PNG: one IDAT of stored (uncompressed) deflate blocks.
fn png(width: usize, height: usize, grey: &[u8]) -> Vec<u8> {
    let mut raw = Vec::with_capacity((width + 1) * height);
    for row in grey.chunks(width) {
        raw.push(0); // filter: none
        raw.extend_from_slice(row);
    }
    let mut z = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (k, block) in blocks.iter().enumerate() {
        z.push(u8::from(k + 1 == blocks.len()));
        let len = block.len() as u16;
        z.extend_from_slice(&len.to_le_bytes());
        z.extend_from_slice(&(!len).to_le_bytes());
        z.extend_from_slice(block);
    }
    z.extend_from_slice(&adler32(&raw).to_be_bytes());

    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&(width as u32).to_be_bytes());
    ihdr.extend_from_slice(&(height as u32).to_be_bytes());
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [(b"IHDR", ihdr), (b"IDAT", z), (b"IEND", Vec::new())] {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend_from_slice(&data);
        out.extend_from_slice(&body);
        out.extend_from_slice(&crc32(&body).to_be_bytes());
    }
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut c = !0u32;
    for b in bytes {
        c ^= u32::from(*b);
        for _ in 0..8 {
            c = if c & 1 == 1 {
                (c >> 1) ^ 0xEDB8_8320
            } else {
                c >> 1
            };
        }
    }
    !c
}

fn adler32(bytes: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for x in bytes {
        a = (a + u32::from(*x)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checksums_are_the_standard_ones() {
        assert_eq!(crc32(b"IEND"), 0xAE42_6082);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
    }

    #[test]
    fn the_copy_differs_from_the_picture() {
        let (a, b) = (picture(false), picture(true));
        assert!(a.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert_eq!(a.len(), b.len());
        assert_ne!(a, b);
    }
}
