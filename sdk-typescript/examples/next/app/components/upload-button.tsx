"use client";
// A Next.js client component: runs in the browser with the user's session cookies and no API
// key, and sends one CSV file to a dataset. After a page reload the client knows no CSRF token
// yet: the first write learns it from GET /v1/me on its own.
import { ValidationError } from "@mark/sdk";
import { useState } from "react";
import { mark } from "../mark-browser.js";

export function UploadButton({ datasetId }: { datasetId: string }) {
  const [message, setMessage] = useState("");

  async function upload(file: File) {
    try {
      // a File is a Blob: sent as it is, not read into a string first, and retried if need be
      const result = await mark.rows.ingest(datasetId, { csv: file });
      setMessage(`${result.inserted} rows added`);
    } catch (e) {
      if (e instanceof ValidationError) setMessage(e.errors.map((f) => `${f.pointer}: ${f.message}`).join("\n"));
      else throw e;
    }
  }

  return (
    <label>
      <input type="file" accept=".csv,text/csv" onChange={(e) => e.target.files?.[0] && upload(e.target.files[0])} />
      <output>{message}</output>
    </label>
  );
}
