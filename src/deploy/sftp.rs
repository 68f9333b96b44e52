//! The uploads to an SFTP host, through one SSH connection of their own and
//! openssh-sftp-client (the library OpenDAL's SFTP service wraps) used directly: each piece
//! of a file is sent without a copy, all the pieces of a chunk at once, where OpenDAL's writer
//! serialises the bytes one at a time and waits for the host after every piece (measured: a
//! first deploy of 1000 episodes spent half its CPU there). Reading the manifest, listing,
//! deleting and the manifest's own writes stay with OpenDAL.
//!
//! The connection is the system's `ssh`, as OpenDAL's: its agent, `~/.ssh/config`, keys and
//! `known_hosts` (an unknown host key is refused).

use std::collections::HashMap;
use std::io::SeekFrom;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use futures_util::future::try_join_all;
use openssh_sftp_client::error::SftpErrorKind;
use openssh_sftp_client::file::File;
use openssh_sftp_client::{Sftp, SftpOptions};
use tokio::io::AsyncSeekExt;
use tokio::sync::OnceCell;

/// Bytes sent in one request: what OpenSSH's server takes (its `limits@openssh.com`). A
/// host that takes less gets each piece in several requests, one after the other.
const PIECE: usize = 256 * 1024 - 1024;

/// How long one request may wait for the host before the deploy gives up on it.
const PATIENCE: Duration = Duration::from_secs(60);

/// An SFTP host, its folder `root` holding the output.
pub struct Host {
    sftp: Sftp,
    root: String,
    /// The folders made (or found) by this deploy, relative to the root: each is made once,
    /// and the jobs that need it meanwhile wait for it.
    folders: Mutex<HashMap<String, Arc<OnceCell<()>>>>,
}

impl Host {
    /// Connects to `endpoint` (`ssh://host[:port]`) as `user`, the output in `root`.
    pub async fn connect(
        endpoint: &str,
        user: Option<&str>,
        root: &str,
    ) -> Result<Host, opendal::Error> {
        let mut builder = openssh::SessionBuilder::default();
        if let Some(user) = user {
            builder.user(user.to_owned());
        }
        builder.known_hosts_check(openssh::KnownHosts::Strict);
        let session = patient(builder.connect_mux(endpoint))
            .await?
            .map_err(|e| error(opendal::ErrorKind::Unexpected, "ssh error", e))?;
        let sftp = patient(Sftp::from_session(session, SftpOptions::default()))
            .await?
            .map_err(sftp_error)?;
        Ok(Host {
            sftp,
            root: root.trim_end_matches('/').to_owned(),
            folders: Mutex::new(HashMap::new()),
        })
    }

    /// A new file at `path`, its folders made first.
    pub async fn create(&self, path: &str) -> Result<Writer, opendal::Error> {
        self.make_folders(path).await;
        let file = patient(self.sftp.create(self.at(path)))
            .await?
            .map_err(sftp_error)?;
        Ok(Writer { file, offset: 0 })
    }

    /// The size of the file at `path`.
    pub async fn size(&self, path: &str) -> Result<u64, opendal::Error> {
        let meta = patient(self.sftp.fs().metadata(self.at(path)))
            .await?
            .map_err(sftp_error)?;
        Ok(meta.len().unwrap_or(0))
    }

    /// Renames `from` over `to`, in one step (OpenSSH's `posix-rename`).
    pub async fn rename(&self, from: &str, to: &str) -> Result<(), opendal::Error> {
        patient(self.sftp.fs().rename(self.at(from), self.at(to)))
            .await?
            .map_err(sftp_error)
    }

    /// Removes the file at `path`, if it is there.
    pub async fn remove(&self, path: &str) {
        let _ = patient(self.sftp.fs().remove_file(self.at(path))).await;
    }

    /// Ends the connection.
    pub async fn close(self) {
        let _ = patient(self.sftp.close()).await;
    }

    fn at(&self, path: &str) -> String {
        format!("{}/{path}", self.root)
    }

    /// Makes the folders of `path` that this deploy has not made yet. A folder that exists
    /// already answers with an error, as one that cannot be made does: the file's creation
    /// then says which.
    async fn make_folders(&self, path: &str) {
        let folders = path.match_indices('/').map(|(at, _)| &path[..at]);
        for folder in folders {
            let made = self.lock().entry(folder.to_owned()).or_default().clone();
            made.get_or_init(|| async {
                let _ = patient(self.sftp.fs().create_dir(self.at(folder))).await;
            })
            .await;
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<OnceCell<()>>>> {
        self.folders.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A file being written, piece after piece.
pub struct Writer {
    file: File,
    offset: u64,
}

impl Writer {
    /// Writes `chunk` after what was written: in pieces the host takes in one request, all
    /// sent before the first answer is awaited.
    pub async fn write(&mut self, chunk: Bytes) -> Result<(), opendal::Error> {
        let pieces = (0..chunk.len()).step_by(PIECE).map(|at| {
            let mut file = self.file.clone();
            let mut piece = [chunk.slice(at..(at + PIECE).min(chunk.len()))];
            let offset = self.offset + at as u64;
            async move {
                file.seek(SeekFrom::Start(offset))
                    .await
                    .map_err(|e| error(opendal::ErrorKind::Unexpected, "sftp error", e))?;
                patient(file.write_all_zero_copy(&mut piece))
                    .await?
                    .map_err(sftp_error)
            }
        });
        try_join_all(pieces).await?;
        self.offset += chunk.len() as u64;
        Ok(())
    }

    /// Closes the file: every piece has been written.
    pub async fn close(self) -> Result<(), opendal::Error> {
        patient(self.file.close()).await?.map_err(sftp_error)
    }
}

/// `future`, or an error once the host has made it wait [`PATIENCE`].
async fn patient<T>(future: impl Future<Output = T>) -> Result<T, opendal::Error> {
    tokio::time::timeout(PATIENCE, future).await.map_err(|_| {
        opendal::Error::new(opendal::ErrorKind::Unexpected, "operation timed out").set_temporary()
    })
}

/// An SFTP error as OpenDAL's SFTP service reports it, so that `errors.rs` reads both alike.
fn sftp_error(e: openssh_sftp_client::Error) -> opendal::Error {
    let kind = match &e {
        openssh_sftp_client::Error::SftpError(SftpErrorKind::NoSuchFile, _) => {
            opendal::ErrorKind::NotFound
        }
        openssh_sftp_client::Error::SftpError(SftpErrorKind::PermDenied, _) => {
            opendal::ErrorKind::PermissionDenied
        }
        _ => opendal::ErrorKind::Unexpected,
    };
    error(kind, "sftp error", e)
}

fn error(
    kind: opendal::ErrorKind,
    what: &str,
    e: impl std::error::Error + Send + Sync + 'static,
) -> opendal::Error {
    opendal::Error::new(kind, what).set_source(e)
}
