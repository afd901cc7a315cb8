//! Pure types and rules of the record: no SQL, no HTTP, no clock.
//!
//! Everything that crosses a boundary (a form, an API body, a CLI argument, an import
//! row) is parsed into one of these types first, so invalid input never reaches the
//! store.

pub mod convoy;
pub mod country;
pub mod evidence;
// evidence: derived copies
pub mod evidence_copy;
pub mod export;
// incidents
pub mod incident;
// commitments
pub mod commitment;
pub mod matching;
pub mod names;
pub mod person;
pub mod role;
// evidence: search text
pub mod search;
pub mod site;
// incidents
pub mod source;
// evidence: source documents
pub mod source_text;
pub mod user;

// resettlement
pub mod allocation;
pub mod forecast;
pub mod pipeline;
pub mod priority;
pub mod resettlement;

pub use country::Country;
pub use role::{Perm, Role};
pub use user::{DisplayName, Password, Username};

/// Why a piece of input was refused: which field, and what was expected.
///
/// The message is safe to show to the user: it never repeats the rejected value,
/// which may be personal data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub field: &'static str,
    /// The message id in the locale files, for the user's language.
    pub key: &'static str,
    /// The same message in English, for the CLI, logs and API clients.
    pub message: String,
    /// The element of a list in the input the field belongs to (`("claims", 2)`: the
    /// third claim), when the input holds several of a kind.
    pub item: Option<(&'static str, usize)>,
}

impl Invalid {
    pub fn new(field: &'static str, key: &'static str, message: impl Into<String>) -> Self {
        Invalid {
            field,
            key,
            message: message.into(),
            item: None,
        }
    }

    /// The same refusal, about element `index` (from 0) of the input's `list`.
    pub fn in_item(self, list: &'static str, index: usize) -> Self {
        Invalid {
            item: Some((list, index)),
            ..self
        }
    }

    /// The field as a path into the input: `credibility`, or `claims[2].credibility`.
    pub fn path(&self) -> String {
        match self.item {
            Some((list, index)) => format!("{list}[{index}].{}", self.field),
            None => self.field.to_string(),
        }
    }
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path(), self.message)
    }
}

impl std::error::Error for Invalid {}

#[cfg(test)]
mod tests {
    use super::Invalid;

    #[test]
    fn a_refusal_in_a_list_names_the_element() {
        let i = Invalid::new("credibility", "claim-invalid-credibility", "1 to 6");
        assert_eq!(
            (i.path(), i.to_string()),
            ("credibility".to_string(), "credibility: 1 to 6".to_string())
        );
        let i = i.in_item("claims", 2);
        assert_eq!(i.path(), "claims[2].credibility");
        assert_eq!(i.to_string(), "claims[2].credibility: 1 to 6");
        assert_eq!(
            (i.field, i.key),
            ("credibility", "claim-invalid-credibility")
        );
    }
}
