//! The command line's errors: `tests/cmd/*.toml`, run with trycmd
//! (`TRYCMD=overwrite` updates them).

#[test]
fn cli() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
