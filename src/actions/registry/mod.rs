//! Registry actions: sites, people, households, convoys.

pub mod convoys;
pub mod export;
pub mod export_requests;
pub mod import;
pub mod matches;
pub mod merge;
pub mod people;
pub mod personal;
pub mod register;
pub mod sites;
pub mod watchlist;
