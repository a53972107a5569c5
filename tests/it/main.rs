//! Integration tests.
mod cli;
mod corpus;
mod cross_file;
mod dictionaries;
mod tidy;
