//! Integration tests.
mod cli;
mod corpus;
mod cross_file;
mod dictionaries;
mod generated;
mod near_duplicates;
mod sarif;
mod tidy;
