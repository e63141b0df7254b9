//! Text utilities shared by inputs, rules and reports.

pub mod line_index;
pub mod tokens;

pub use line_index::{LineCol, LineIndex};
pub use tokens::{Case, Mark, MarkKind, MarkSet, Token, TokenKind, tokenize, tokenize_stream};
