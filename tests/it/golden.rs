//! Golden files: the report "commitments and breaches" over a small fixed record (a
//! prohibition breached by an incident, a deadline breached by a graded source's
//! observation, a presence term with three visits), judged as of a fixed day under a
//! fixed clock, rendered as HTML content (English and Persian), its SVG charts, its
//! CSV, and the copy published for observers (no links into the record). Each must
//! equal its file in tests/it/golden/ byte for byte; a difference fails with the
//! first differing line of each. `VIGIL_UPDATE_GOLDEN=1 cargo test --test it
//! golden` rewrites the files (review the diff before committing it).

use std::path::PathBuf;

use vigil::actions::documentation::commitments::{self as acts, report};
use vigil::domain::commitment::input::{CommitmentInput, CommitmentText, VisitInput, VisitText};
use vigil::domain::export::Format;
use vigil::i18n::{Lang, Tr};
use vigil::web::ui::commitments_report_body::{render, Links};

use crate::incidents::{documenter, reader};
use crate::support;

fn day(s: &str) -> i64 {
    vigil::domain::convoy::parse_day("d", s).unwrap().unwrap()
}

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/it/golden")
}

/// Compares `got` with the golden file `name`, or rewrites it when asked. Returns a
/// description of the difference, if any.
fn check(name: &str, got: &str) -> Option<String> {
    let path = golden_dir().join(name);
    if std::env::var_os("VIGIL_UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(golden_dir()).unwrap();
        std::fs::write(&path, got).unwrap();
        return None;
    }
    let want = match std::fs::read_to_string(&path) {
        Ok(w) => w,
        Err(e) => {
            return Some(format!(
                "{name}: cannot read {} ({e}); run with VIGIL_UPDATE_GOLDEN=1 to write it",
                path.display()
            ))
        }
    };
    if want == got {
        return None;
    }
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let at = w
        .iter()
        .zip(&g)
        .position(|(a, b)| a != b)
        .unwrap_or(w.len().min(g.len()));
    Some(format!(
        "{name} differs from {} at line {} ({} lines expected, {} produced):\n  expected: {:?}\n  produced: {:?}\n\
         If the change is intended, rewrite the golden files with VIGIL_UPDATE_GOLDEN=1 and review the diff.",
        path.display(),
        at + 1,
        w.len(),
        g.len(),
        w.get(at).unwrap_or(&"<end of file>"),
        g.get(at).unwrap_or(&"<end of file>"),
    ))
}

/// Every `<svg …>…</svg>` in the HTML, in order.
fn svgs(html: &str) -> Vec<String> {
    html.split("<svg")
        .skip(1)
        .map(|s| format!("<svg{}</svg>\n", s.split("</svg>").next().unwrap()))
        .collect()
}

#[tokio::test]
async fn the_report_matches_its_golden_files() {
    let t = support::sqlite_with_clock(vigil::clock::Clock::manual(day("2014-02-01"))).await;
    crate::commitment_report::story(&t).await;
    let cap = documenter();
    let a = acts::create_agreement(
        &t.app,
        &cap,
        &crate::commitments::agreement("Monitoring pledge", &["UN"], None),
    )
    .await
    .unwrap();
    acts::add_commitment(
        &t.app,
        &cap,
        a,
        &CommitmentInput::parse(&CommitmentText {
            statement: "The UN monitors the camp half of the time.",
            owed_by: "UN",
            site: "LIBERTY",
            from: "2013-11-01",
            term: "presence",
            share_permille: "500",
            ..CommitmentText::default()
        })
        .unwrap(),
    )
    .await
    .unwrap();
    for (from, to) in [
        ("2013-11-02 08:00", "2013-11-02 20:00"),
        ("2013-12-10 00:00", "2013-12-12 00:00"),
        ("2014-01-05 09:00", "2014-01-05 11:30"),
    ] {
        let v = VisitInput::parse(&VisitText {
            organisation: "UN",
            site: "LIBERTY",
            arrival: from,
            departure: to,
            monitors: "2",
            source: "",
        })
        .unwrap();
        acts::record_visit(&t.app, &cap, &v).await.unwrap();
    }
    let r = report::commitments_report(&t.app, &reader(), day("2014-01-10"))
        .await
        .unwrap();
    let mut failures = vec![];
    for lang in [Lang::En, Lang::Fa] {
        let html = render(&Tr { lang }, &r, Links::Record).unwrap();
        // Rendering twice gives the same bytes (nothing depends on the hour or a map's order).
        assert_eq!(html, render(&Tr { lang }, &r, Links::Record).unwrap());
        let code = lang.code();
        failures.extend(check(&format!("commitments_report.{code}.html"), &html));
        let charts = svgs(&html);
        assert_eq!(charts.len(), 3, "parties, months and coverage charts");
        for (name, svg) in ["by_party", "over_time", "coverage"].iter().zip(&charts) {
            failures.extend(check(&format!("commitments_{name}.{code}.svg"), svg));
        }
        // The copy published for observers: the same report, no link into the record.
        let published = render(&Tr { lang }, &r, Links::Published).unwrap();
        failures.extend(check(
            &format!("commitments_published.{code}.html"),
            &published,
        ));
    }
    let csv = report::commitments_file(&t.app, &reader(), day("2014-01-10"), Format::Csv)
        .await
        .unwrap();
    failures.extend(check(
        "commitments_report.csv",
        &String::from_utf8(csv).unwrap(),
    ));
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
