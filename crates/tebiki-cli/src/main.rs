mod cli;
mod commands;
mod console;
mod output;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let _console = console::Utf8Console::enable();
    // try_parse rather than parse: parse exits for --help or a usage error
    // before `_console` could restore the code page.
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    match commands::run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            output::error(&cli, &failure);
            ExitCode::FAILURE
        }
    }
}
