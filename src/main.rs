//! The `vigil` binary: parse the command line, run, turn the outcome into an exit code.
use std::process::ExitCode;

/// mimalloc rather than the system allocator: glibc's raises its threshold for
/// returning big blocks to the system each time one is freed, so after a few argon2id
/// hashes (19 MiB each) a server kept hundreds of MiB it no longer used.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    vigil::cli::main()
}
