//! `copydesk dict import`: generators that turn public data into dictionaries.
