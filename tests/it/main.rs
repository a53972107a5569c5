//! Integration tests.
mod cli;
mod corpus;
mod dictionaries;
mod tidy;
