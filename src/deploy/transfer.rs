//! Carrying out a [`Plan`]: its uploads phase after phase (`--jobs` at a time within one), then
//! its deletions, keeping the target's manifest true all along, so that a deploy stopped at
//! any moment (an error, Ctrl-C, a kill) leaves the target consistent and the next one
//! finishes it.
//!
//! Where the target renames (SFTP, WebDAV, a folder), each file is uploaded under a hidden
//! name beside its own, then renamed over it: a file is always whole, old or new, never half
//! written. Those hidden names are written into the manifest as unsettled before the first
//! upload, so that the next deploy removes any a stop left behind. S3 replaces an object in
//! one request already. The bytes sent are hashed on the way: a file that changed since the
//! plan was made stops the deploy instead of being published under the plan's hash.

use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use opendal::Operator;
use tokio::task::JoinSet;

use super::headers;
use super::local::format_hash;
use super::plan::{Phase, Plan, Upload};
use super::remote::{self, Entry, Manifest};
use super::sftp;
use super::store::Abilities;

/// How a deploy reports its progress (a bar on a terminal).
pub trait Progress: Send + Sync {
    /// The uploads begin: how many files, how many bytes.
    fn start(&self, files: usize, bytes: u64);
    /// More bytes sent.
    fn sent(&self, bytes: u64);
    /// One file uploaded or deleted.
    fn done(&self, path: &str);
}

/// What went wrong with one file.
#[derive(Debug)]
pub enum Fault {
    /// The target (or the way to it) failed.
    Remote(opendal::Error),
    /// The output file could not be read.
    Local(io::Error),
    /// The output file changed while it was sent.
    Changed,
    /// The target kept fewer bytes than were sent (a full disk the engine did not report).
    Short { kept: u64, sent: u64 },
}

/// Why a deploy stopped before the end.
#[derive(Debug)]
pub enum Stop {
    /// `path` (none: the target's manifest) could not be handled.
    Failed { path: Option<String>, fault: Fault },
    /// Ctrl-C, or a polite kill.
    Interrupted,
}

/// What a deploy did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Each uploaded file, with its size and hash.
    pub uploaded: Vec<(String, Entry)>,
    pub deleted: Vec<String>,
}

/// Bytes read from an output file at a time, and sent in one piece (S3 parts are at least
/// 5 MiB: larger files go in several).
const CHUNK: usize = 8 * 1024 * 1024;
/// How often the manifest is saved while a phase runs, so that a stopped deploy is not redone.
const CHECKPOINT: Duration = Duration::from_secs(5);

/// What every job needs.
struct Context {
    op: Operator,
    /// At an SFTP host, the uploads go there rather than through `op`.
    sftp: Option<sftp::Host>,
    abilities: Abilities,
    out: PathBuf,
    progress: Arc<dyn Progress>,
}

enum Job {
    Upload(Upload),
    Delete(String),
}

enum Done {
    Uploaded(String, Entry),
    Deleted(String),
}

/// A deploy under way.
pub struct Transfer {
    context: Arc<Context>,
    manifest: Manifest,
    jobs: usize,
    saved: Instant,
    outcome: Outcome,
}

impl Transfer {
    /// A transfer of the output folder `out` to `op` (its uploads to `sftp` when given), whose
    /// manifest is `manifest`.
    pub fn new(
        op: Operator,
        sftp: Option<sftp::Host>,
        abilities: Abilities,
        out: PathBuf,
        manifest: Manifest,
        jobs: usize,
        progress: Arc<dyn Progress>,
    ) -> Self {
        Transfer {
            context: Arc::new(Context {
                op,
                sftp,
                abilities,
                out,
                progress,
            }),
            manifest,
            jobs: jobs.max(1),
            saved: Instant::now(),
            outcome: Outcome::default(),
        }
    }

    /// Carries out `plan`; stops early when `stop` completes. What was done is in the
    /// outcome either way, and in the target's manifest as far as it could be saved.
    pub async fn run(
        mut self,
        plan: &Plan,
        stop: &mut (impl Future<Output = ()> + Unpin),
    ) -> (Outcome, Result<(), Stop>) {
        let result = self.steps(plan, stop).await;
        if result.is_err() {
            // Whatever was finished is recorded; if even that fails, the next deploy redoes it.
            let _ = self.save().await;
        }
        // The jobs are over (or aborted, and then the connection just drops).
        if let Ok(context) = Arc::try_unwrap(self.context)
            && let Some(host) = context.sftp
        {
            host.close().await;
        }
        (self.outcome, result)
    }

    async fn steps(
        &mut self,
        plan: &Plan,
        stop: &mut (impl Future<Output = ()> + Unpin),
    ) -> Result<(), Stop> {
        if plan.is_empty() {
            return Ok(());
        }
        self.context
            .progress
            .start(plan.uploads.len() + plan.deletes.len(), plan.bytes());
        if self.context.abilities.rename && !plan.uploads.is_empty() {
            for upload in &plan.uploads {
                self.manifest.unsettled.insert(remote::part(&upload.path));
            }
            self.save().await?;
        }
        for phase in Phase::ALL {
            let jobs: Vec<Job> = plan
                .uploads
                .iter()
                .filter(|u| u.phase == phase)
                .map(|u| Job::Upload(u.clone()))
                .collect();
            self.each(jobs, stop).await?;
        }
        // Out of the manifest before they go: it never names a file that may be gone.
        for delete in &plan.deletes {
            self.manifest.files.remove(&delete.path);
            self.manifest.unsettled.insert(delete.path.clone());
        }
        self.save().await?;
        if !plan.deletes.is_empty() {
            let jobs = plan
                .deletes
                .iter()
                .map(|d| Job::Delete(d.path.clone()))
                .collect();
            self.each(jobs, stop).await?;
            self.save().await?;
            self.remove_empty_folders().await;
        }
        Ok(())
    }

    /// Runs `jobs`, `self.jobs` at a time, recording each as it completes.
    async fn each(
        &mut self,
        jobs: Vec<Job>,
        stop: &mut (impl Future<Output = ()> + Unpin),
    ) -> Result<(), Stop> {
        let mut pending = jobs.into_iter();
        let mut running = JoinSet::new();
        // After a failure no job starts, and the uploads under way finish, or fail and remove
        // their partial file (on a full disk, the room a retry needs), before the deploy stops.
        let mut failed = None;
        loop {
            while failed.is_none() && running.len() < self.jobs {
                let Some(job) = pending.next() else { break };
                running.spawn(run_job(self.context.clone(), job));
            }
            let joined = tokio::select! {
                joined = running.join_next() => joined,
                () = &mut *stop => return Err(Stop::Interrupted),
            };
            match joined {
                None => return failed.map_or(Ok(()), Err),
                Some(Ok(Ok(done))) => self.record(done),
                Some(Ok(Err(stop))) => {
                    failed.get_or_insert(stop);
                }
                Some(Err(e)) => std::panic::resume_unwind(e.into_panic()),
            }
            if self.saved.elapsed() > CHECKPOINT {
                self.save().await?;
            }
        }
    }

    fn record(&mut self, done: Done) {
        match done {
            Done::Uploaded(path, entry) => {
                self.manifest.unsettled.remove(&remote::part(&path));
                self.manifest.files.insert(path.clone(), entry.clone());
                self.context.progress.done(&path);
                self.outcome.uploaded.push((path, entry));
            }
            Done::Deleted(path) => {
                self.manifest.unsettled.remove(&path);
                self.context.progress.done(&path);
                self.outcome.deleted.push(path);
            }
        }
    }

    async fn save(&mut self) -> Result<(), Stop> {
        self.saved = Instant::now();
        remote::write(
            &self.context.op,
            &self.manifest,
            self.context.abilities.rename,
        )
        .await
        .map_err(|e| Stop::Failed {
            path: None,
            fault: Fault::Remote(e),
        })
    }

    /// Removes the folders the deletions emptied (an unpublished episode's), deepest first;
    /// a folder that still holds anything, carnets' or not, stays. Object stores have none.
    async fn remove_empty_folders(&self) {
        if !self.context.abilities.rename {
            return;
        }
        let mut folders: Vec<&str> = self
            .outcome
            .deleted
            .iter()
            .flat_map(|path| path.match_indices('/').map(|(at, _)| &path[..at]))
            .collect();
        folders.sort_by_key(|f| std::cmp::Reverse(f.len()));
        folders.dedup();
        for folder in folders {
            let folder = format!("{folder}/");
            let op = &self.context.op;
            if let Ok(entries) = op.list(&folder).await
                && entries.iter().all(|e| e.path() == folder)
            {
                let _ = op.delete(&folder).await;
            }
        }
    }
}

async fn run_job(context: Arc<Context>, job: Job) -> Result<Done, Stop> {
    match job {
        Job::Upload(upload) => {
            let path = upload.path.clone();
            upload_one(&context, upload)
                .await
                .map_err(|fault| Stop::Failed {
                    path: Some(path),
                    fault,
                })
        }
        Job::Delete(path) => match context.op.delete(&path).await {
            Ok(()) => Ok(Done::Deleted(path)),
            Err(e) => Err(Stop::Failed {
                path: Some(path),
                fault: Fault::Remote(e),
            }),
        },
    }
}

async fn upload_one(context: &Context, upload: Upload) -> Result<Done, Fault> {
    let rename = context.abilities.rename;
    let part = if rename {
        remote::part(&upload.path)
    } else {
        upload.path.clone()
    };
    let sent = send(context, &upload, &part).await;
    let hash = match sent {
        Ok(hash) => hash,
        Err(fault) => {
            // A host that refuses a write mid-file says only "failure" (SFTP): what it kept
            // tells more.
            let fault = match fault {
                Fault::Remote(_) if rename => match context.size(&part).await {
                    Ok(kept) if kept < upload.size => Fault::Short {
                        kept,
                        sent: upload.size,
                    },
                    _ => fault,
                },
                _ => fault,
            };
            // A partial file would take room (on a full disk, the room a retry needs).
            if rename {
                context.remove(&part).await;
            }
            return Err(fault);
        }
    };
    if rename {
        // OpenDAL's SFTP writer has been seen to report success for writes the server refused
        // (a full disk): through the engine, the partial file's size is checked before it
        // takes the real name. The uploads of `sftp.rs` have each piece's answer already.
        if context.sftp.is_none() {
            let kept = context.size(&part).await.map_err(Fault::Remote)?;
            if kept != upload.size {
                context.remove(&part).await;
                return Err(Fault::Short {
                    kept,
                    sent: upload.size,
                });
            }
        }
        context
            .rename(&part, &upload.path)
            .await
            .map_err(Fault::Remote)?;
    }
    Ok(Done::Uploaded(
        upload.path,
        Entry {
            size: upload.size,
            hash: Some(hash),
        },
    ))
}

/// Sends the output file of `upload` to `to`; returns the hash of the bytes sent.
async fn send(context: &Context, upload: &Upload, to: &str) -> Result<String, Fault> {
    // Read in place, on the job's thread: a chunk comes from the page cache in a fraction of
    // the time it takes to send, and tokio's files read on threads of their own into buffers
    // of their own, copied again, which the allocator then gives back and takes again (a
    // first deploy of 1.2 GB to a folder: 8.3 s of system time, 1.4 GiB resident).
    let mut file = std::fs::File::open(context.out.join(&upload.path)).map_err(Fault::Local)?;
    let mut writer = context.writer(upload, to).await.map_err(Fault::Remote)?;
    let mut hasher = blake3::Hasher::new();
    let mut size = 0;
    loop {
        // What is left of the file, and a byte to see its end without growing: a page's
        // buffer is its size, not a chunk's (fresh memory costs its zeroing).
        let left = upload.size.saturating_sub(size).saturating_add(1);
        let mut chunk = Vec::with_capacity(usize::try_from(left).map_or(CHUNK, |l| l.min(CHUNK)));
        let n = io::Read::read_to_end(&mut io::Read::take(&mut file, CHUNK as u64), &mut chunk)
            .map_err(Fault::Local)?;
        if n == 0 {
            break;
        }
        hasher.update(&chunk);
        size += n as u64;
        if let Err(e) = writer.write(chunk.into()).await {
            writer.abort().await;
            return Err(Fault::Remote(e));
        }
        context.progress.sent(n as u64);
    }
    let hash = format_hash(&hasher.finalize());
    if size != upload.size || upload.hash.as_ref().is_some_and(|h| *h != hash) {
        writer.abort().await;
        return Err(Fault::Changed);
    }
    writer.close().await.map_err(Fault::Remote)?;
    Ok(hash)
}

impl Context {
    /// A writer of the file `to`, for the output file of `upload`.
    async fn writer(&self, upload: &Upload, to: &str) -> opendal::Result<Writer> {
        if let Some(host) = &self.sftp {
            return Ok(Writer::Sftp(host.create(to).await?));
        }
        let mut writer = self.op.writer_with(to).chunk(CHUNK);
        if self.abilities.headers {
            let (content_type, cache_control) = headers::of(&upload.path);
            writer = writer
                .content_type(content_type)
                .cache_control(cache_control);
        }
        Ok(Writer::Engine(writer.await?))
    }

    async fn size(&self, path: &str) -> opendal::Result<u64> {
        match &self.sftp {
            Some(host) => host.size(path).await,
            None => Ok(self.op.stat(path).await?.content_length()),
        }
    }

    async fn rename(&self, from: &str, to: &str) -> opendal::Result<()> {
        match &self.sftp {
            Some(host) => host.rename(from, to).await,
            None => self.op.rename(from, to).await,
        }
    }

    /// Removes `path`, if it can.
    async fn remove(&self, path: &str) {
        match &self.sftp {
            Some(host) => host.remove(path).await,
            None => {
                let _ = self.op.delete(path).await;
            }
        }
    }
}

/// A file being uploaded.
enum Writer {
    Engine(opendal::Writer),
    Sftp(sftp::Writer),
}

impl Writer {
    async fn write(&mut self, chunk: bytes::Bytes) -> opendal::Result<()> {
        match self {
            Writer::Engine(writer) => writer.write(chunk).await,
            Writer::Sftp(writer) => writer.write(chunk).await,
        }
    }

    async fn close(self) -> opendal::Result<()> {
        match self {
            Writer::Engine(mut writer) => writer.close().await.map(drop),
            Writer::Sftp(writer) => writer.close().await,
        }
    }

    /// Gives up on the file: what was written of it is removed by the caller.
    async fn abort(self) {
        match self {
            Writer::Engine(mut writer) => {
                let _ = writer.abort().await;
            }
            Writer::Sftp(writer) => {
                let _ = writer.close().await;
            }
        }
    }
}
