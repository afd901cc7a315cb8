//! Who should go first: a score per open resettlement case from medical urgency,
//! threats, time waiting and vulnerabilities, with every point explained. Pure.
//!
//! The points (docs/resettlement.md repeats them for readers):
//! - medical: the most urgent serious medical need in the household — emergency 50,
//!   urgent 35, normal 15;
//! - threat: the larger of the submission's priority (emergency 40, urgent 25) and a
//!   legal or physical protection need in the household (emergency 30, urgent 20,
//!   normal 10);
//! - waiting: one point per full month since the case was opened, at most 36;
//! - vulnerabilities: 8 for each other kind of specific need in the household
//!   (disability, older person, child or woman at risk, survivor of torture or of
//!   violence), each kind once, at most 32.

use std::cmp::Reverse;

/// Why a case scores what it does; each reason carries its points.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// A serious medical need of this urgency.
    Medical { urgency: String, points: i64 },
    /// The submission's priority (emergency, urgent).
    SubmissionPriority { priority: String, points: i64 },
    /// A legal or physical protection need of this urgency.
    ProtectionNeed { urgency: String, points: i64 },
    /// Full months since the case was opened.
    Waiting { months: i64, points: i64 },
    /// Other kinds of specific need in the household.
    Vulnerabilities { kinds: Vec<String>, points: i64 },
}

impl Reason {
    pub fn points(&self) -> i64 {
        match self {
            Reason::Medical { points, .. }
            | Reason::SubmissionPriority { points, .. }
            | Reason::ProtectionNeed { points, .. }
            | Reason::Waiting { points, .. }
            | Reason::Vulnerabilities { points, .. } => *points,
        }
    }
}

/// What the score reads about a case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseFacts {
    pub case_id: i64,
    pub opened_on: i64,
    /// The submission's priority, if submitted: normal, urgent or emergency.
    pub priority: Option<String>,
    /// The household's specific needs: (kind, urgency), one per person and kind.
    pub needs: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Score {
    pub case_id: i64,
    pub total: i64,
    pub reasons: Vec<Reason>,
}

fn urgency_rank(u: &str) -> u8 {
    match u {
        "emergency" => 3,
        "urgent" => 2,
        _ => 1,
    }
}

/// The most urgent need of `kind` in the household, if any.
fn most_urgent<'a>(needs: &'a [(String, String)], kind: &str) -> Option<&'a str> {
    needs
        .iter()
        .filter(|(k, _)| k == kind)
        .map(|(_, u)| u.as_str())
        .max_by_key(|u| urgency_rank(u))
}

const OTHER_NEEDS: [&str; 6] = [
    "disability",
    "older_person",
    "child_at_risk",
    "woman_at_risk",
    "survivor_of_torture",
    "survivor_of_violence",
];

const DAY: i64 = 86_400_000;

/// The score of one case as of `as_of`.
pub fn score(f: &CaseFacts, as_of: i64) -> Score {
    let mut reasons = Vec::new();
    if let Some(u) = most_urgent(&f.needs, "serious_medical") {
        let points = match urgency_rank(u) {
            3 => 50,
            2 => 35,
            _ => 15,
        };
        reasons.push(Reason::Medical {
            urgency: u.to_string(),
            points,
        });
    }
    let submission = match f.priority.as_deref() {
        Some("emergency") => 40,
        Some("urgent") => 25,
        _ => 0,
    };
    let protection = most_urgent(&f.needs, "legal_physical_protection").map(|u| {
        let p = match urgency_rank(u) {
            3 => 30,
            2 => 20,
            _ => 10,
        };
        (u, p)
    });
    match protection {
        Some((u, p)) if p > submission => reasons.push(Reason::ProtectionNeed {
            urgency: u.to_string(),
            points: p,
        }),
        _ if submission > 0 => reasons.push(Reason::SubmissionPriority {
            priority: f.priority.clone().unwrap_or_default(),
            points: submission,
        }),
        _ => {}
    }
    let months = ((as_of - f.opened_on).max(0) / DAY) / 30;
    if months > 0 {
        reasons.push(Reason::Waiting {
            months,
            points: months.min(36),
        });
    }
    let kinds: Vec<String> = OTHER_NEEDS
        .iter()
        .filter(|k| f.needs.iter().any(|(n, _)| n == *k))
        .map(|k| k.to_string())
        .collect();
    if !kinds.is_empty() {
        reasons.push(Reason::Vulnerabilities {
            points: (8 * kinds.len() as i64).min(32),
            kinds,
        });
    }
    Score {
        case_id: f.case_id,
        total: reasons.iter().map(Reason::points).sum(),
        reasons,
    }
}

/// Every case's score, highest first; ties go to the case opened first.
pub fn rank(cases: &[CaseFacts], as_of: i64) -> Vec<Score> {
    let mut scored: Vec<(i64, Score)> = cases
        .iter()
        .map(|f| (f.opened_on, score(f, as_of)))
        .collect();
    scored.sort_by_key(|(opened, s)| (Reverse(s.total), *opened, s.case_id));
    scored.into_iter().map(|(_, s)| s).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn d(s: &str) -> i64 {
        crate::clock::parse_day(s).unwrap()
    }

    fn need(k: &str, u: &str) -> (String, String) {
        (k.into(), u.into())
    }

    #[test]
    fn hand_computed_scores() {
        // Urgent medical need (35), an emergency submission (40) beating a normal
        // protection need (10), 14 months waiting (14), disability twice and an older
        // person (8 + 8): 105.
        let f = CaseFacts {
            case_id: 1,
            opened_on: d("2013-01-01"),
            priority: Some("emergency".into()),
            needs: vec![
                need("serious_medical", "normal"),
                need("serious_medical", "urgent"),
                need("legal_physical_protection", "normal"),
                need("disability", "normal"),
                need("disability", "normal"),
                need("older_person", "normal"),
            ],
        };
        let s = score(&f, d("2014-03-05"));
        assert_eq!(s.total, 35 + 40 + 14 + 16);
        assert_eq!(
            s.reasons[0],
            Reason::Medical {
                urgency: "urgent".into(),
                points: 35
            }
        );
        assert!(matches!(
            s.reasons[1],
            Reason::SubmissionPriority { points: 40, .. }
        ));
        assert_eq!(
            s.reasons[2],
            Reason::Waiting {
                months: 14,
                points: 14
            }
        );
        // An emergency protection need outranks a normal submission; waiting is capped.
        let g = CaseFacts {
            case_id: 2,
            opened_on: d("2010-01-01"),
            priority: Some("normal".into()),
            needs: vec![need("legal_physical_protection", "emergency")],
        };
        let s = score(&g, d("2015-01-01"));
        assert_eq!(s.total, 30 + 36);
        assert!(matches!(
            s.reasons[0],
            Reason::ProtectionNeed { points: 30, .. }
        ));
    }

    #[test]
    fn ranking_is_by_score_then_by_time_waiting() {
        let a = CaseFacts {
            case_id: 1,
            opened_on: d("2013-06-01"),
            ..CaseFacts::default()
        };
        let b = CaseFacts {
            case_id: 2,
            opened_on: d("2013-06-15"),
            ..CaseFacts::default()
        };
        let c = CaseFacts {
            case_id: 3,
            opened_on: d("2013-06-20"),
            needs: vec![need("serious_medical", "emergency")],
            ..CaseFacts::default()
        };
        let r = rank(&[a, b, c], d("2013-06-25"));
        let ids: Vec<i64> = r.iter().map(|s| s.case_id).collect();
        assert_eq!(ids, [3, 1, 2]);
        assert_eq!(r[1].total, 0);
        assert!(r[1].reasons.is_empty());
    }
}
