//! `vigil bench`: benchmark scenarios, each measured against an anchor in the same run.

#[derive(clap::Args, Debug)]
pub struct BenchArgs {
    /// Data size: S (one camp), M or L.
    #[arg(long, default_value = "S")]
    pub size: String,
    /// Write the results as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub json: Option<std::path::PathBuf>,
}

pub async fn run(_args: BenchArgs) -> anyhow::Result<()> {
    anyhow::bail!("benchmarks are being written")
}
