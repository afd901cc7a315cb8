//! Who is acting, and what they may do: passwords, sessions, API tokens, throttling,
//! and the capability types that the action layer requires.

pub mod capability;
pub mod password;
pub mod session;
pub mod throttle;
pub mod token;

pub use capability::{Actor, Cap, Denied, Permission};
