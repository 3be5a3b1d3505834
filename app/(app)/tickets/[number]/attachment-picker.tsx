"use client";

import { useEffect, useEffectEvent, useRef, useState } from "react";
import {
  formatBytes,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_MESSAGE,
  MAX_MESSAGE_ATTACHMENT_BYTES,
} from "@/lib/validations/attachments";

/**
 * Files for the message being written: chosen with the button, dropped on the composer or pasted
 * into it. They show as chips and travel with the form as its `files` field; a sent form (reset)
 * clears them. The server checks everything again.
 */
export function AttachmentPicker() {
  const rootRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const filesRef = useRef<File[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  /** The form sends what the input holds: keep it equal to the chips. */
  function keep(next: File[]) {
    filesRef.current = next;
    setFiles(next);
    const input = inputRef.current;
    if (!input) return;
    const transfer = new DataTransfer();
    for (const file of next) transfer.items.add(file);
    input.files = transfer.files;
  }

  function add(incoming: Iterable<File>) {
    const next = [...filesRef.current];
    const refused: string[] = [];
    for (const file of incoming) {
      const total = next.reduce((sum, f) => sum + f.size, 0) + file.size;
      if (file.size === 0) refused.push(`${file.name} is empty`);
      else if (next.length >= MAX_ATTACHMENTS_PER_MESSAGE)
        refused.push(`${file.name}: a message takes at most ${MAX_ATTACHMENTS_PER_MESSAGE} files`);
      else if (file.size > MAX_ATTACHMENT_BYTES)
        refused.push(`${file.name} is larger than ${formatBytes(MAX_ATTACHMENT_BYTES)}, the limit for one file`);
      else if (total > MAX_MESSAGE_ATTACHMENT_BYTES)
        refused.push(`${file.name}: one message carries at most ${formatBytes(MAX_MESSAGE_ATTACHMENT_BYTES)}`);
      else next.push(file);
    }
    setProblem(refused.length ? refused.join(". ") + "." : null);
    keep(next);
  }
  const addFromEvent = useEffectEvent((incoming: Iterable<File>) => add(incoming));

  useEffect(() => {
    const form = rootRef.current?.closest("form");
    if (!form) return;
    const hasFiles = (e: DragEvent) => Boolean(e.dataTransfer?.types.includes("Files"));
    const onPaste = (e: ClipboardEvent) => {
      const pasted = [...(e.clipboardData?.files ?? [])];
      if (!pasted.length) return;
      e.preventDefault();
      addFromEvent(pasted);
    };
    const onDragOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    };
    const onDragLeave = (e: DragEvent) => {
      if (!form.contains(e.relatedTarget as Node | null)) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      setDragging(false);
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      addFromEvent(e.dataTransfer.files);
    };
    const onReset = () => {
      filesRef.current = [];
      setFiles([]);
      setProblem(null);
    };
    form.addEventListener("paste", onPaste);
    form.addEventListener("dragover", onDragOver);
    form.addEventListener("dragleave", onDragLeave);
    form.addEventListener("drop", onDrop);
    form.addEventListener("reset", onReset);
    return () => {
      form.removeEventListener("paste", onPaste);
      form.removeEventListener("dragover", onDragOver);
      form.removeEventListener("dragleave", onDragLeave);
      form.removeEventListener("drop", onDrop);
      form.removeEventListener("reset", onReset);
    };
  }, []);

  return (
    <div ref={rootRef} className="space-y-2" data-testid="attachment-picker">
      <input
        ref={inputRef}
        id="composer-files"
        type="file"
        name="files"
        multiple
        className="sr-only"
        aria-label="Attach files"
        onChange={(e) => {
          // The chosen files join the chips; add() puts every chip's file back in the input.
          add([...(e.currentTarget.files ?? [])]);
        }}
      />
      <div
        className={`flex flex-wrap items-center gap-2 rounded-md border border-dashed px-2 py-1.5 text-xs ${dragging ? "border-indigo-400 bg-indigo-50 text-indigo-700" : "border-slate-300 text-slate-500"}`}
      >
        <label htmlFor="composer-files" className="cursor-pointer font-medium text-indigo-700 hover:underline">
          Attach files
        </label>
        <span>{dragging ? "Drop to attach" : "or drop or paste them here"}</span>
        {files.length ? (
          <ul className="flex flex-wrap gap-1.5" aria-label="Files to send">
            {files.map((file, i) => (
              <li
                key={`${file.name}-${i}`}
                className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 text-slate-700 ring-1 ring-slate-200"
              >
                <span className="max-w-48 truncate">{file.name}</span>
                <span className="text-slate-500">{formatBytes(file.size)}</span>
                <button
                  type="button"
                  aria-label={`Remove ${file.name}`}
                  onClick={() => keep(filesRef.current.filter((_, j) => j !== i))}
                  className="ml-0.5 rounded-full px-1 text-slate-500 hover:bg-slate-200 hover:text-slate-700"
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {problem ? (
        <p role="alert" className="text-xs text-rose-600">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
