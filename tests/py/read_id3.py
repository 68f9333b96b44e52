"""Reads the ID3v2 tag and the MPEG stream of an MP3 with mutagen and prints them as JSON.

    python3 tests/py/read_id3.py FILE.mp3 [APIC_OUT]

The tag is loaded with translate=False, so the v2.3 frames come out as they are in the file
(mutagen would otherwise upgrade TYER/TDAT/TIME to a v2.4 TDRC). When APIC_OUT is given, the
data of the first APIC frame is written there for the caller to inspect.
"""

import json
import sys

from mutagen.id3 import ID3, Frame, TextFrame, UrlFrame
from mutagen.mp3 import MP3


def encoding_of(frame: Frame):
    encoding = getattr(frame, "encoding", None)
    return None if encoding is None else int(encoding)


def sub_frames(frames):
    out = {}
    for frame in frames.values():
        out[frame.FrameID] = describe(frame)
    return out


def describe(frame: Frame):
    kind = frame.FrameID
    if kind == "CHAP":
        return {
            "element_id": frame.element_id,
            "start_time": frame.start_time,
            "end_time": frame.end_time,
            "start_offset": frame.start_offset,
            "end_offset": frame.end_offset,
            "sub_frames": sub_frames(frame.sub_frames),
        }
    if kind == "CTOC":
        return {
            "element_id": frame.element_id,
            "flags": int(frame.flags),
            "child_element_ids": list(frame.child_element_ids),
            "sub_frames": sub_frames(frame.sub_frames),
        }
    if kind == "APIC":
        return {
            "encoding": encoding_of(frame),
            "mime": frame.mime,
            "type": int(frame.type),
            "desc": frame.desc,
            "size": len(frame.data),
        }
    if kind == "COMM":
        return {
            "encoding": encoding_of(frame),
            "lang": frame.lang,
            "desc": frame.desc,
            "text": list(frame.text),
        }
    if kind == "WXXX":
        return {"encoding": encoding_of(frame), "desc": frame.desc, "url": frame.url}
    if isinstance(frame, UrlFrame):
        return {"url": frame.url}
    if isinstance(frame, TextFrame):
        return {"encoding": encoding_of(frame), "text": [str(t) for t in frame.text]}
    return {"repr": repr(frame)}


def main():
    path = sys.argv[1]
    tags = ID3(path, translate=False)
    frames = []
    for frame in tags.values():
        entry = describe(frame)
        entry["id"] = frame.FrameID
        frames.append(entry)
    if len(sys.argv) > 2:
        pictures = tags.getall("APIC")
        if pictures:
            with open(sys.argv[2], "wb") as out:
                out.write(pictures[0].data)
    info = MP3(path).info
    print(
        json.dumps(
            {
                "version": list(tags.version),
                "size": tags.size,
                "unknown_frames": len(tags.unknown_frames),
                "frames": frames,
                "mpeg": {
                    "version": info.version,
                    "layer": info.layer,
                    "sample_rate": info.sample_rate,
                    "length": info.length,
                },
            },
            ensure_ascii=False,
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
