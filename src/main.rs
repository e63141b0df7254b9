//! The `salin` command line: a thin layer over the `salin` library.

mod cli;
mod server;

fn main() {
    std::process::exit(cli::run());
}
