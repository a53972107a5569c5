//! Integration tests.
mod changed;
mod cli;
mod corpus;
mod cross_file;
mod decision;
mod dictionaries;
mod fix;
mod generated;
mod near_duplicates;
mod properties;
mod sarif;
mod scale;
mod tidy;
