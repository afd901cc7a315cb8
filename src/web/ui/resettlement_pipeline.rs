//! Resettlement analytics pages: the pipeline as of a day (funnel, share resettled
//! over time, time in each stage per country, stalled cases) and the forecast of when
//! the last resident leaves, with its band, its method and its back-test. Charts are
//! server-side SVG; every figure is also in a table.

use askama::Template;
use axum::extract::Query;
use axum::response::Response;

use super::charts::{line_chart, Hue, LineChart, Series};
use super::page::{PageCtx, Ui};
use super::resettlement::{day, day_value, funnel_chart, stage_label};
use crate::actions::resettlement::pipeline::{self, ForecastReport, Pipeline, STALL_DAYS};
use crate::actions::ActionError;
use crate::auth::capability::ReadRecord;
use crate::domain::convoy::parse_day;
use crate::domain::forecast::Backtest;
use crate::domain::pipeline::{next_month, StageTime, Stalled};
use crate::domain::site::parse_count;
use crate::i18n::{Arg, Tr};
use crate::store::resettlement::StageCount;
use crate::web::error::UiError;

#[derive(serde::Deserialize, Default)]
pub struct AsOfQuery {
    #[serde(default)]
    at: String,
    #[serde(default)]
    stall: String,
    #[serde(default)]
    cutoff: String,
}

fn bad(i: crate::domain::Invalid) -> UiError {
    UiError::from(ActionError::from(i))
}

async fn as_of(ui: &Ui, q: &AsOfQuery) -> Result<i64, UiError> {
    match parse_day("at", &q.at).map_err(bad)? {
        Some(d) => Ok(d),
        None => Ok(pipeline::default_as_of(&ui.app).await?),
    }
}

/// A share (0–1) as a whole percentage in the language.
pub fn percent(tr: &Tr, share: f64) -> String {
    tr.t_args(
        "case-percent",
        &[("n", Arg::Num((share * 100.0).round() as i64))],
    )
}

fn country_label(tr: &Tr, c: &str) -> String {
    match c {
        "*" => tr.t("case-all-countries"),
        "" => tr.t("case-not-submitted"),
        c => c.to_string(),
    }
}

pub struct TimeLine {
    pub t: StageTime,
    pub country: String,
    pub stage: String,
}

pub struct StalledLine {
    pub s: Stalled,
    pub stage: String,
    pub since: String,
}

pub struct ShareLine {
    pub month: String,
    pub people: i64,
    pub share: String,
}

#[derive(Template)]
#[template(path = "resettlement_pipeline.html")]
pub struct PipelineTemplate {
    pub page: PageCtx,
    pub as_of: String,
    pub as_of_value: String,
    pub stall_days: i64,
    pub funnel_chart: String,
    pub funnel: Vec<(StageCount, String)>,
    pub share_chart: String,
    pub shares: Vec<ShareLine>,
    pub share_now: String,
    pub times: Vec<TimeLine>,
    pub stalled: Vec<StalledLine>,
    pub stalled_count: String,
}

/// How many stalled cases the page lists (the count says how many there are).
const STALLED_SHOWN: usize = 200;

fn share_chart(tr: &Tr, p: &Pipeline) -> String {
    let series = [Series {
        name: tr.t("case-share-resettled"),
        hue: Hue::nth(2),
        points: p
            .share
            .iter()
            .enumerate()
            .map(|(i, (_, _, s))| (i as f64, s * 100.0))
            .collect(),
    }];
    let labels: Vec<(f64, String)> = p
        .share
        .iter()
        .enumerate()
        .map(|(i, (m, _, _))| (i as f64, tr.month(m / 1000)))
        .collect();
    let title = tr.t("case-share-over-time");
    line_chart(
        tr,
        &LineChart {
            title: &title,
            desc: &tr.t_args(
                "case-share-desc",
                &[(
                    "n",
                    Arg::Num(
                        p.share
                            .last()
                            .map_or(0, |(_, _, s)| (s * 100.0).round() as i64),
                    ),
                )],
            ),
            x_title: &tr.t("site-month"),
            y_title: &tr.t("case-percent-resettled"),
            series: &series,
            x_labels: &labels,
        },
    )
}

pub async fn pipeline_page(ui: Ui, Query(q): Query<AsOfQuery>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let at = as_of(&ui, &q).await?;
    let stall = parse_count("stall", &q.stall, 1..=36_500)
        .map_err(bad)?
        .unwrap_or(STALL_DAYS);
    let p = pipeline::pipeline(&ui.app, &cap, at, stall).await?;
    let as_of = day(&tr, Some(at));
    let t = PipelineTemplate {
        page: ui.page("case-pipeline-title", "/resettlement"),
        funnel_chart: funnel_chart(
            &tr,
            &tr.t_args("case-funnel-at", &[("date", Arg::Str(as_of.clone()))]),
            &p.funnel,
        ),
        funnel: p
            .funnel
            .iter()
            .map(|f| (f.clone(), stage_label(&tr, &f.stage)))
            .collect(),
        share_chart: share_chart(&tr, &p),
        // One line per year (its last month) keeps the table short.
        shares: p
            .share
            .iter()
            .enumerate()
            .filter(|(i, (m, _, _))| {
                *i + 1 == p.share.len() || crate::clock::rfc3339(*m).get(5..7) == Some("12")
            })
            .map(|(_, (m, n, s))| ShareLine {
                month: tr.month(m / 1000),
                people: *n,
                share: percent(&tr, *s),
            })
            .collect(),
        share_now: percent(&tr, p.share.last().map_or(0.0, |(_, _, s)| *s)),
        times: p
            .time_in_stage
            .iter()
            .map(|t| TimeLine {
                country: country_label(&tr, &t.country),
                stage: stage_label(&tr, &t.stage),
                t: t.clone(),
            })
            .collect(),
        stalled_count: tr.t_args(
            "case-stalled-count",
            &[
                ("count", Arg::Num(p.stalled.len() as i64)),
                ("days", Arg::Num(stall)),
            ],
        ),
        stalled: p
            .stalled
            .iter()
            .take(STALLED_SHOWN)
            .map(|s| StalledLine {
                stage: stage_label(&tr, &s.stage),
                since: day(&tr, Some(s.since)),
                s: s.clone(),
            })
            .collect(),
        stall_days: stall,
        as_of,
        as_of_value: day_value(at),
    };
    ui.render(&t)
}

#[derive(Template)]
#[template(path = "resettlement_forecast.html")]
pub struct ForecastTemplate {
    pub page: PageCtx,
    pub r: ForecastReport,
    pub as_of: String,
    pub as_of_value: String,
    pub cutoff_value: String,
    pub chart: String,
    pub summary: Vec<(String, String)>,
    pub finish: String,
    pub backtest: Option<Backtest>,
    pub backtest_text: String,
    pub backtest_chart: String,
}

/// The first day of the month `n` months after `from`'s.
fn months_after(from: i64, n: i64) -> i64 {
    (0..n).fold(from, |m, _| next_month(m))
}

fn forecast_chart(tr: &Tr, r: &ForecastReport) -> String {
    let Some(f) = &r.forecast else {
        return String::new();
    };
    let mut cumulative = 0;
    let actual: Vec<(f64, f64)> = r
        .history
        .iter()
        .enumerate()
        .map(|(i, (_, n))| {
            cumulative += n;
            (i as f64, cumulative as f64)
        })
        .collect();
    let last = r.history.len() as f64 - 1.0;
    let future = |pick: fn(&crate::domain::forecast::BandPoint) -> i64| -> Vec<(f64, f64)> {
        std::iter::once((last, r.departed as f64))
            .chain(
                f.band
                    .iter()
                    .map(|b| (last + b.month as f64, (r.departed + pick(b)) as f64)),
            )
            .collect()
    };
    let series = [
        Series {
            name: tr.t("case-forecast-actual"),
            hue: Hue::nth(0),
            points: actual,
        },
        Series {
            name: tr.t("case-forecast-median"),
            hue: Hue::nth(1),
            points: future(|b| b.p50),
        },
        Series {
            name: tr.t("case-forecast-fast"),
            hue: Hue::nth(2),
            points: future(|b| b.p90),
        },
        Series {
            name: tr.t("case-forecast-slow"),
            hue: Hue::nth(3),
            points: future(|b| b.p10),
        },
    ];
    let start = r.history.first().map_or(r.as_of, |(m, _)| *m);
    let total = r.history.len() as i64 + f.band.len() as i64;
    // A label each January, as the month's name would crowd the axis.
    let labels: Vec<(f64, String)> = (0..total)
        .filter_map(|i| {
            let m = months_after(start, i);
            (crate::clock::rfc3339(m).get(5..7) == Some("01"))
                .then(|| (i as f64, tr.year(crate::clock::year_of(m))))
        })
        .collect();
    line_chart(
        tr,
        &LineChart {
            title: &tr.t("case-forecast-chart"),
            desc: &tr.t("case-forecast-chart-desc"),
            x_title: "",
            y_title: &tr.t("case-people-resettled"),
            series: &series,
            x_labels: &labels,
        },
    )
}

fn backtest_chart(tr: &Tr, r: &ForecastReport, b: &Backtest) -> String {
    let cut = r.cutoff.unwrap_or(r.as_of);
    let pts = |f: fn(&(i64, crate::domain::forecast::BandPoint)) -> i64| -> Vec<(f64, f64)> {
        b.months
            .iter()
            .enumerate()
            .map(|(i, m)| (i as f64, f(m) as f64))
            .collect()
    };
    let series = [
        Series {
            name: tr.t("case-forecast-actual"),
            hue: Hue::nth(0),
            points: pts(|m| m.0),
        },
        Series {
            name: tr.t("case-forecast-median"),
            hue: Hue::nth(1),
            points: pts(|m| m.1.p50),
        },
        Series {
            name: tr.t("case-forecast-fast"),
            hue: Hue::nth(2),
            points: pts(|m| m.1.p90),
        },
        Series {
            name: tr.t("case-forecast-slow"),
            hue: Hue::nth(3),
            points: pts(|m| m.1.p10),
        },
    ];
    let labels: Vec<(f64, String)> = (0..b.months.len() as i64)
        .map(|i| (i as f64, tr.month(months_after(cut, i) / 1000)))
        .collect();
    line_chart(
        tr,
        &LineChart {
            title: &tr.t("case-backtest-chart"),
            desc: &tr.t("case-backtest-chart-desc"),
            x_title: "",
            y_title: &tr.t("case-people-resettled-after-cutoff"),
            series: &series,
            x_labels: &labels,
        },
    )
}

pub async fn forecast_page(ui: Ui, Query(q): Query<AsOfQuery>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let at = as_of(&ui, &q).await?;
    let cutoff = parse_day("cutoff", &q.cutoff).map_err(bad)?;
    let r = pipeline::forecast(&ui.app, &cap, at, cutoff).await?;
    let last_month = r.history.last().map_or(at, |(m, _)| *m);
    let finish_day = |m: Option<i64>| m.map(|m| tr.month(months_after(last_month, m) / 1000));
    let finish = match &r.forecast {
        None => tr.t("case-forecast-none"),
        Some(f) => match (
            finish_day(f.finish_p50),
            finish_day(f.finish_p10),
            finish_day(f.finish_p90),
        ) {
            (Some(mid), Some(fast), Some(slow)) => tr.t_args(
                "case-forecast-finish",
                &[
                    ("median", Arg::Str(mid)),
                    ("fast", Arg::Str(fast)),
                    ("slow", Arg::Str(slow)),
                ],
            ),
            (Some(mid), Some(fast), None) => tr.t_args(
                "case-forecast-finish-open",
                &[("median", Arg::Str(mid)), ("fast", Arg::Str(fast))],
            ),
            _ => tr.t("case-forecast-beyond"),
        },
    };
    let mut summary = vec![
        (tr.t("case-population"), tr.num(r.population)),
        (tr.t("case-people-resettled"), tr.num(r.departed)),
        (tr.t("case-remaining"), tr.num(r.remaining)),
    ];
    if let Some(f) = &r.forecast {
        summary.push((tr.t("case-months-observed"), tr.num(f.months_observed)));
        summary.push((
            tr.t("case-pace"),
            tr.t_args("case-pace-value", &[("n", Arg::Num(f.pace.round() as i64))]),
        ));
    }
    let backtest_text = match (&r.backtest, r.cutoff) {
        (Some(b), Some(cut)) => tr.t_args(
            "case-backtest-text",
            &[
                ("cutoff", Arg::Str(tr.month(cut / 1000))),
                ("fitted", Arg::Num(b.months_fitted)),
                ("compared", Arg::Num(b.months_compared)),
                ("actual", Arg::Num(b.actual)),
                ("median", Arg::Num(b.forecast_p50)),
                ("low", Arg::Num(b.forecast_p10)),
                ("high", Arg::Num(b.forecast_p90)),
                ("coverage", Arg::Num((b.coverage * 100.0).round() as i64)),
                ("error", Arg::Num(b.mean_abs_error.round() as i64)),
            ],
        ),
        _ => tr.t("case-backtest-none"),
    };
    let t = ForecastTemplate {
        page: ui.page("case-forecast-title", "/resettlement"),
        chart: forecast_chart(&tr, &r),
        backtest_chart: r
            .backtest
            .as_ref()
            .map(|b| backtest_chart(&tr, &r, b))
            .unwrap_or_default(),
        backtest: r.backtest.clone(),
        backtest_text,
        summary,
        finish,
        as_of: day(&tr, Some(at)),
        as_of_value: day_value(at),
        cutoff_value: r.cutoff.map(day_value).unwrap_or_default(),
        r,
    };
    ui.render(&t)
}
