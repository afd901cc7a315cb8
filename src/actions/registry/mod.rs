//! Registry actions: sites, people, households.

pub mod import;
pub mod people;
pub mod sites;
