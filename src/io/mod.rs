//! Files in and out of vigil: reading uploaded tables, validating import rows, and the
//! documented import layout (template and HXL tags), and writing exports (CSV, XLSX,
//! HXL population figures) in the same layout.
//!
//! Everything here is pure: bytes in, validated values and a report out. Committing rows
//! is the action layer's job, so an import can be checked in full before anything is
//! written, and a file that fails to read never touches the store.

pub mod export;
pub mod import;
// incidents
pub mod incidents;
// evidence: court bundle
pub mod bundle;
pub mod layout;
pub mod table;
