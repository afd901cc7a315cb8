//! Registry actions: sites, people, households.

pub mod people;
pub mod sites;
