//! The `salin` command line: a thin layer over the `salin` library.

mod cli;

fn main() {
    std::process::exit(cli::run());
}
