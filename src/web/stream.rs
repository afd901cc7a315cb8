//! Streaming a file to the client as it is made: an export writes chunks into a
//! bounded channel from a task of its own, and the response body reads them out, so a
//! slow client slows the export down instead of making the server hold the file.

use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::Body;
use tokio::sync::mpsc;

use crate::actions::registry::export::Chunk;

/// Chunks in flight between the export and the client (a few pages' worth).
pub const DEPTH: usize = 4;

struct Chunks(mpsc::Receiver<Chunk>);

impl futures_core::Stream for Chunks {
    type Item = Chunk;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Chunk>> {
        self.0.poll_recv(cx)
    }
}

/// A channel whose receiving end is a response body.
pub fn channel() -> (mpsc::Sender<Chunk>, Body) {
    let (tx, rx) = mpsc::channel(DEPTH);
    (tx, Body::from_stream(Chunks(rx)))
}
