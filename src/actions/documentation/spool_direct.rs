//! Writing a spool file past the page cache (`O_DIRECT`): the spool writer copies its
//! sealed chunks into aligned blocks of [`BLOCK`] bytes, and a thread of its own writes
//! each block straight from memory to the disk, in order.
//!
//! Why: through the page cache, each 64 MiB upload cost about 20 ms of the writer's
//! core in `write()` (the kernel's copy into fresh page-cache pages) and more again
//! when the pages were written out (the periodic `fdatasync`'s block mapping and the
//! disk's completions, charged to whichever thread ran when they came) — on a 2-core
//! machine, the time the request's SHA-256 then waited for a core. A direct write is
//! done by the disk from the block itself; the copy into the block costs a few ms.
//!
//! Durability is unchanged: a direct write is on the disk (perhaps still in its cache)
//! when it returns, and the file is `fsync`ed before the upload is acknowledged, as
//! before (that also makes its size and extents durable). The last, partial block is
//! written through the page cache at its place, after every full block. Where the file
//! system refuses direct I/O (tmpfs) the file is written as before; a direct write that
//! fails is tried again through the page cache at the same place, so only an error the
//! page cache gives as well fails the upload.

use std::fs::File;
use std::os::unix::fs::{FileExt, OpenOptionsExt};
use std::path::Path;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::thread::JoinHandle;

/// Bytes per direct write (a multiple of [`ALIGN`]).
pub const BLOCK: usize = 1024 * 1024;
/// The alignment direct I/O asks of memory, offsets and lengths (the largest logical
/// block size in use).
const ALIGN: usize = 4096;
/// Blocks per upload: one being filled, one being written, two waiting.
const BLOCKS: usize = 4;

/// Opens `path` (already created) a second time for direct writes; `None` where the file
/// system does not allow them.
pub fn open_direct(path: &Path) -> Option<File> {
    std::fs::OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_DIRECT)
        .open(path)
        .ok()
}

/// A block: [`BLOCK`] bytes at an [`ALIGN`]ed address inside `buf`, `len` of them filled.
struct Block {
    buf: Vec<u8>,
    start: usize,
    len: usize,
}

impl Block {
    fn new() -> Self {
        let buf = vec![0u8; BLOCK + ALIGN];
        // Never moved: `buf` is not resized.
        let start = buf.as_ptr().align_offset(ALIGN).min(ALIGN);
        Block { buf, start, len: 0 }
    }

    fn filled(&self) -> &[u8] {
        self.buf
            .get(self.start..self.start + self.len)
            .unwrap_or_default()
    }

    /// Copies as much of `bytes` as fits; returns how much.
    fn fill(&mut self, bytes: &[u8]) -> usize {
        let room = self
            .buf
            .get_mut(self.start + self.len..self.start + BLOCK)
            .unwrap_or_default();
        let n = room.len().min(bytes.len());
        for (slot, b) in room.iter_mut().zip(bytes) {
            *slot = *b;
        }
        self.len += n;
        n
    }
}

/// The blocks of one spool file on their way to the disk.
pub struct DirectOut {
    block: Block,
    made: usize,
    queue: Option<SyncSender<Block>>,
    spare: Receiver<Block>,
    io: Option<JoinHandle<std::io::Result<u64>>>,
}

impl DirectOut {
    /// Starts the thread writing to `direct` (the file opened by [`open_direct`]), with
    /// `file` (the same file through the page cache) to fall back on.
    pub fn start(direct: File, file: &File) -> std::io::Result<Self> {
        let (queue, blocks) = sync_channel::<Block>(BLOCKS);
        let (back, spare) = sync_channel(BLOCKS);
        let fallback = file.try_clone()?;
        let io = std::thread::Builder::new()
            .name("evidence-io".into())
            .spawn(move || write_blocks(&direct, &fallback, &blocks, &back))?;
        Ok(DirectOut {
            block: Block::new(),
            made: 1,
            queue: Some(queue),
            spare,
            io: Some(io),
        })
    }

    /// Appends `bytes`, handing each full block to the thread.
    pub fn write(&mut self, mut bytes: &[u8]) -> std::io::Result<()> {
        while !bytes.is_empty() {
            let n = self.block.fill(bytes);
            bytes = bytes.get(n..).unwrap_or_default();
            if self.block.len == BLOCK {
                // A block back from the thread, a new one while fewer than `BLOCKS`
                // exist, else wait for the thread to hand one back.
                let next = match self.spare.try_recv() {
                    Ok(b) => b,
                    Err(_) if self.made < BLOCKS => {
                        self.made += 1;
                        Block::new()
                    }
                    Err(_) => match self.spare.recv() {
                        Ok(b) => b,
                        // The thread stopped: its error.
                        Err(_) => return self.join().and(Err(stopped())),
                    },
                };
                let full = std::mem::replace(&mut self.block, next);
                self.block.len = 0;
                let sent = self.queue.as_ref().map(|q| q.send(full).is_ok());
                if sent != Some(true) {
                    // The thread stopped: its error.
                    return self.join().map(|_| ());
                }
            }
        }
        Ok(())
    }

    /// Waits for every full block to be written, then writes the partial last block
    /// through `file` after them. Returns the first error.
    pub fn finish(mut self, file: &File) -> std::io::Result<()> {
        let offset = self.join()?;
        file.write_all_at(self.block.filled(), offset)
    }

    /// Ends the queue and waits for the thread: the offset after its last block.
    fn join(&mut self) -> std::io::Result<u64> {
        drop(self.queue.take());
        match self.io.take() {
            Some(io) => io.join().map_err(|_| stopped())?,
            None => Err(stopped()),
        }
    }
}

fn stopped() -> std::io::Error {
    std::io::Error::other("the evidence write-out thread stopped")
}

/// The thread: writes the blocks in order from the file's start; returns the offset
/// after the last.
fn write_blocks(
    direct: &File,
    file: &File,
    blocks: &Receiver<Block>,
    back: &SyncSender<Block>,
) -> std::io::Result<u64> {
    let mut offset = 0u64;
    let mut direct_ok = true;
    for block in blocks {
        let bytes = block.filled();
        if !(direct_ok && direct.write_all_at(bytes, offset).is_ok()) {
            direct_ok = false;
            file.write_all_at(bytes, offset)?;
        }
        offset += bytes.len() as u64;
        let _ = back.try_send(block);
    }
    Ok(offset)
}
