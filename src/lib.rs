//! vigil — a protection-monitoring record for displaced people at risk.
//!
//! Layers, from the bottom up (a layer only uses the ones above it in this list):
//! `domain`, `crypto`, `audit`, `clock` (pure, no I/O) ← `store` (SQL) ← `auth` ←
//! `actions` (every state change: authorize → write → audit, in one transaction) ←
//! `web`, `cli`, `demo`, `bench`.

pub mod actions; // every state change and every audited view of personal data
pub mod app; // opening a data directory: config, keys, store, all wired together
pub mod audit; // the hash-chained audit trail and its signed checkpoints (pure)
pub mod auth; // passwords, sessions, API tokens, login throttling
pub mod bench; // `vigil bench`: scenarios measured against an in-run anchor
pub mod calendar; // Gregorian ↔ Solar Hijri dates
pub mod cli; // the command line: subcommands of the one binary
pub mod clock; // time as a parameter
pub mod config; // one Config from flags, environment and a TOML file
pub mod crypto; // master key, wrapped data keys, field encryption, blind indexes
pub mod demo; // the built-in Ashraf/Liberty demo
pub mod domain; // pure types and rules: roles, permissions, validated input
pub mod i18n; // English, Persian and Arabic messages, numbers and dates
pub mod io; // import, export, reports
pub mod store; // SQL for SQLite and PostgreSQL, migrations, transactions
pub mod web; // the HTTP surfaces: HTML pages, JSON API, assets, middleware
