//! The spool writer of an upload: computes its BLAKE3, seals its chunks and appends
//! them to the spool file on a thread of its own, so that on a machine with a free
//! core this work overlaps the SHA-256, which stays on the request's thread. Each hash
//! runs in order over the whole upload, on one thread.
//!
//! The request's thread hands each chunk over through a short bounded queue, which
//! keeps them in order, and waits when the queue is full. The split follows the
//! measured costs per 64 MiB on the project's machine (perf profile, quiet): SHA-256
//! about 33 ms and the copy into the frames about 4 on the request's side; BLAKE3
//! about 10, sealing (AES-256-GCM, format 2) about 3 and the writes about 20 on the
//! writer's. With both hashes on the request's thread (and sealing on the writer's,
//! or on the request's whenever the writer was behind, as before), the request's
//! thread alone took as long as the hashing anchor, and the tail came on top.
//!
//! Where the file system allows it, a third thread writes the sealed chunks straight
//! to the disk from aligned blocks ([`super::spool_direct`]), past the page cache.
//! Otherwise they are written through the page cache and, every [`SYNC_EVERY`] bytes,
//! the third thread has the file written out (`fdatasync`: it waits for the disk and
//! uses no core meanwhile), so that the `fsync` before recording waits for the tail
//! alone rather than the whole upload.
//!
//! Uploads of one chunk (most documents and photos of a few hundred KiB) never start
//! the thread: their chunk is hashed, sealed and written in place by
//! [`Writer::finish`]. The file's bytes are the same as when everything was done in
//! turn.

use std::fs::File;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Arc;
use std::thread::JoinHandle;

use super::blobs::CHUNK;
pub use super::spool_direct::open_direct;
use super::spool_direct::DirectOut;
use crate::crypto::{ChunkSealer, FRAME_HEAD};

/// Chunks in the queue to the writer (a chunk is 256 KiB).
const QUEUE: usize = 4;
/// Bytes written between two requests to write the file out.
pub const SYNC_EVERY: usize = 8 * 1024 * 1024;

/// A chunk on its way to the file: its index, whether it is the last, and the frame
/// with its plaintext.
struct Frame(u64, bool, Vec<u8>);

enum State {
    /// No full chunk yet: no thread.
    Idle(File),
    Running {
        queue: SyncSender<Frame>,
        /// Frames the writer has written, handed back to be filled again.
        spare: Receiver<Vec<u8>>,
        worker: JoinHandle<std::io::Result<(File, blake3::Hash)>>,
    },
    /// Finished (the file complete, not yet `fsync`ed) or failed.
    Closed(Option<File>),
}

pub struct Writer {
    state: State,
    /// The file opened for direct writes ([`open_direct`]), if it could be.
    direct: Option<File>,
    sealer: Arc<ChunkSealer>,
    /// Chunks handed over so far (the next chunk's index).
    chunks: u64,
    /// The queue's length in chunks.
    queue: usize,
    /// Set when the upload is dropped unfinished: the writer skips what is queued.
    cancel: Arc<AtomicBool>,
}

fn gone() -> std::io::Error {
    std::io::Error::other("the spool writer stopped")
}

impl Writer {
    pub fn new(file: File, direct: Option<File>, sealer: ChunkSealer) -> Self {
        Self::with_queue(file, direct, sealer, QUEUE)
    }

    fn with_queue(file: File, direct: Option<File>, sealer: ChunkSealer, queue: usize) -> Self {
        Writer {
            state: State::Idle(file),
            direct,
            sealer: Arc::new(sealer),
            chunks: 0,
            queue,
            cancel: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Chunks written or queued so far.
    pub fn chunks(&self) -> u64 {
        self.chunks
    }

    /// An empty frame for the next chunk: one the writer has finished with when there
    /// is one. Frames go round rather than being allocated on one thread and freed on
    /// the other for every chunk (the allocator may hand such memory back to the
    /// system, and a fresh frame is then faulted in and zeroed again).
    pub fn frame(&self) -> Vec<u8> {
        if let State::Running { spare, .. } = &self.state {
            if let Ok(mut f) = spare.try_recv() {
                f.clear();
                f.resize(FRAME_HEAD, 0);
                return f;
            }
        }
        ChunkSealer::frame(CHUNK)
    }

    /// Hands over a full chunk that is not the last (`frame` from [`Writer::frame`],
    /// its plaintext after the head); waits while the queue is full.
    pub fn chunk(&mut self, frame: Vec<u8>) -> std::io::Result<()> {
        if let State::Idle(_) = self.state {
            self.start()?;
        }
        let index = self.chunks;
        self.chunks += 1;
        let State::Running { queue, .. } = &self.state else {
            return Err(gone());
        };
        if queue.send(Frame(index, false, frame)).is_ok() {
            Ok(())
        } else {
            self.failure()
        }
    }

    fn start(&mut self) -> std::io::Result<()> {
        let State::Idle(file) = std::mem::replace(&mut self.state, State::Closed(None)) else {
            return Ok(());
        };
        let (queue, rx) = sync_channel(self.queue);
        // Room for every frame in flight: the writer never waits to hand one back.
        let (back, spare) = sync_channel(self.queue + 2);
        let (sealer, cancel) = (self.sealer.clone(), self.cancel.clone());
        let direct = self.direct.take();
        let worker = std::thread::Builder::new()
            .name("evidence-spool".into())
            .spawn(move || write(file, direct, &sealer, &rx, &back, &cancel))?;
        self.state = State::Running {
            queue,
            spare,
            worker,
        };
        Ok(())
    }

    /// The writer stopped: its error.
    fn failure(&mut self) -> std::io::Result<()> {
        match std::mem::replace(&mut self.state, State::Closed(None)) {
            State::Running { queue, worker, .. } => {
                drop(queue);
                match worker.join() {
                    Ok(Err(e)) => Err(e),
                    _ => Err(gone()),
                }
            }
            _ => Err(gone()),
        }
    }

    /// Hashes, seals and writes the last chunk (`frame` as for [`Writer::chunk`])
    /// after all the others, and waits for the writer: the file is then complete.
    /// Returns the BLAKE3 of the whole upload.
    pub fn finish(&mut self, mut frame: Vec<u8>) -> std::io::Result<blake3::Hash> {
        let index = self.chunks;
        self.chunks += 1;
        let (file, hash) = match std::mem::replace(&mut self.state, State::Closed(None)) {
            State::Idle(mut file) => {
                let mut hasher = blake3::Hasher::new();
                hasher.update(frame.get(FRAME_HEAD..).unwrap_or_default());
                self.sealer.seal_frame(index, true, &mut frame);
                file.write_all(&frame)?;
                (file, hasher.finalize())
            }
            State::Running { queue, worker, .. } => {
                // A send fails only if the writer stopped; its error is then the one
                // to report, which the join gives.
                let _ = queue.send(Frame(index, true, frame));
                drop(queue);
                let (mut file, hash) = worker.join().map_err(|_| gone())??;
                file.flush()?;
                (file, hash)
            }
            State::Closed(_) => return Err(gone()),
        };
        self.state = State::Closed(Some(file));
        Ok(hash)
    }

    /// The complete file, after [`Writer::finish`].
    pub fn file(&self) -> Option<&File> {
        match &self.state {
            State::Closed(f) => f.as_ref(),
            _ => None,
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        // Not joined: the writer skips what is queued and ends by itself (the spool
        // file's name is removed by the upload's own drop).
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// The writer's thread: hashes (BLAKE3), seals and appends every chunk in order, past
/// the page cache when the file could be opened for it ([`DirectOut`]), else through
/// it.
fn write(
    file: File,
    direct: Option<File>,
    sealer: &ChunkSealer,
    rx: &Receiver<Frame>,
    back: &SyncSender<Vec<u8>>,
    cancel: &AtomicBool,
) -> std::io::Result<(File, blake3::Hash)> {
    let Some(mut out) = direct.and_then(|d| DirectOut::start(d, &file).ok()) else {
        return write_cached(file, sealer, rx, back, cancel);
    };
    let mut hasher = blake3::Hasher::new();
    for Frame(index, last, mut frame) in rx {
        take(&mut hasher, sealer, cancel, index, last, &mut frame)?;
        out.write(&frame)?;
        // Dropped if not wanted (the upload has ended).
        let _ = back.try_send(frame);
    }
    out.finish(&file)?;
    Ok((file, hasher.finalize()))
}

/// What the writer does with each frame before writing it, whichever way it writes:
/// stop if the upload was abandoned, add the plaintext to the BLAKE3, seal in place.
fn take(
    hasher: &mut blake3::Hasher,
    sealer: &ChunkSealer,
    cancel: &AtomicBool,
    index: u64,
    last: bool,
    frame: &mut Vec<u8>,
) -> std::io::Result<()> {
    if cancel.load(Ordering::Relaxed) {
        return Err(std::io::Error::other("upload abandoned"));
    }
    hasher.update(frame.get(FRAME_HEAD..).unwrap_or_default());
    sealer.seal_frame(index, last, frame);
    Ok(())
}

/// The same through the page cache: a thread of its own writes the file out as it
/// grows (the writer never waits for the disk, and neither, through the queue, does
/// the request's thread).
fn write_cached(
    mut file: File,
    sealer: &ChunkSealer,
    rx: &Receiver<Frame>,
    back: &SyncSender<Vec<u8>>,
    cancel: &AtomicBool,
) -> std::io::Result<(File, blake3::Hash)> {
    let (kick, kicks) = sync_channel::<()>(1);
    let out = file.try_clone()?;
    // Its error is kept and reported (a failed write-out may not be reported again
    // by the final `fsync` on the same open file).
    let syncer = std::thread::Builder::new()
        .name("evidence-sync".into())
        .spawn(move || kicks.iter().try_for_each(|()| out.sync_data()))?;
    let mut unsynced = 0;
    let mut hasher = blake3::Hasher::new();
    for Frame(index, last, mut frame) in rx {
        take(&mut hasher, sealer, cancel, index, last, &mut frame)?;
        file.write_all(&frame)?;
        unsynced += frame.len();
        // Dropped if not wanted (the upload has ended).
        let _ = back.try_send(frame);
        if unsynced >= SYNC_EVERY {
            // Skipped while a write-out is still asked for.
            let _ = kick.try_send(());
            unsynced = 0;
        }
    }
    drop(kick);
    syncer.join().map_err(|_| gone())??;
    Ok((file, hasher.finalize()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::crypto::{Keyring, SecretKey};
    use std::io::Read;

    fn keyring() -> Keyring {
        let entries: Vec<(String, SecretKey)> = Keyring::generate()
            .into_iter()
            .map(|(p, k)| (p.to_string(), k))
            .collect();
        Keyring::from_entries(&entries).unwrap()
    }

    /// Writes `n` chunks of `len` bytes through a writer with a queue of `queue`
    /// chunks (with direct writes where the temporary directory allows them, or
    /// through the page cache) and reads them back: every chunk opens in its place, in
    /// order, the last one marked last, and the file is exactly the frames.
    fn round_trip(n: usize, len: usize, queue: usize, direct: bool) {
        let k = keyring();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.part");
        let file = File::create(&path).unwrap();
        let direct = direct.then(|| open_direct(&path)).flatten();
        let mut w = Writer::with_queue(file, direct, k.chunk_sealer("ref").unwrap(), queue);
        let plain = |i: usize| -> Vec<u8> { (0..len).map(|j| (i * 31 + j) as u8).collect() };
        let mut whole = blake3::Hasher::new();
        for i in 0..n {
            let mut f = w.frame();
            assert_eq!(f.len(), FRAME_HEAD);
            f.extend_from_slice(&plain(i));
            whole.update(&plain(i));
            if i + 1 < n {
                w.chunk(f).unwrap();
            } else {
                assert_eq!(
                    w.finish(f).unwrap(),
                    whole.finalize(),
                    "the BLAKE3 of the whole"
                );
            }
        }
        assert_eq!(w.chunks(), n as u64);
        w.file().unwrap().sync_all().unwrap();
        let mut bytes = Vec::new();
        File::open(&path).unwrap().read_to_end(&mut bytes).unwrap();
        assert_eq!(bytes.len(), n * (len + crate::crypto::SEALED_OVERHEAD + 4));
        let mut rest = bytes.as_slice();
        for i in 0..n {
            let (head, tail) = rest.split_at(4);
            let sealed_len = u32::from_le_bytes(head.try_into().unwrap()) as usize;
            let (sealed, tail) = tail.split_at(sealed_len);
            let last = i + 1 == n;
            assert_eq!(
                k.open_chunk("ref", i as u64, last, sealed).unwrap(),
                plain(i),
                "chunk {i} of {n}"
            );
            rest = tail;
        }
        assert!(rest.is_empty());
    }

    #[test]
    fn chunks_land_in_order_and_are_hashed_whole() {
        // One chunk: no thread. A queue of none (each chunk handed over as the writer
        // takes it) and of one: the frames go round.
        for direct in [true, false] {
            round_trip(1, 1000, QUEUE, direct);
            round_trip(300, 4096, 0, direct);
            round_trip(300, 4096, 1, direct);
            // Past the write-out size twice (the third thread's path through the
            // page cache; many direct blocks and a partial last one otherwise).
            round_trip(40, 512 * 1024, QUEUE, direct);
        }
    }

    #[test]
    fn a_file_ending_on_a_block_is_whole() {
        // Frames of 4096 - 45 plaintext bytes are 4096 bytes on disk: 512 of them fill
        // two blocks exactly, so the last block is full and nothing is left over.
        let len = 4096 - crate::crypto::SEALED_OVERHEAD - 4;
        round_trip(
            2 * super::super::spool_direct::BLOCK / 4096,
            len,
            QUEUE,
            true,
        );
    }
}
