import type { Locator, Page } from "@playwright/test";

export type FileSpec = { name: string; mimeType: string; text?: string; base64?: string };

/** The composer's file picker (button, drop, paste) and the files shown under messages. */
export class ComposerFiles {
  constructor(private readonly page: Page) {}

  private static payload(file: FileSpec) {
    return { ...file, buffer: file.base64 ? Buffer.from(file.base64, "base64") : Buffer.from(file.text ?? "") };
  }

  /** Chooses files with the "Attach files" input, as the file dialog would. */
  async choose(...files: FileSpec[]) {
    await this.page.getByLabel("Attach files").setInputFiles(files.map(ComposerFiles.payload));
  }

  /** Drops files on the composer, as dragging them from the desktop does. */
  async drop(file: FileSpec) {
    await this.page.getByLabel("Message").evaluate((area, f) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([f.text ?? ""], f.name, { type: f.mimeType }));
      area.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
      area.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, file);
  }

  /** Pastes a file into the message box, as pasting a copied file or screenshot does. */
  async paste(file: FileSpec) {
    await this.page.getByLabel("Message").evaluate((area, f) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([f.text ?? ""], f.name, { type: f.mimeType }));
      area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, file);
  }

  /** The chips of files waiting to be sent. */
  chips(): Locator {
    return this.page.getByRole("list", { name: "Files to send" }).getByRole("listitem");
  }

  async remove(name: string) {
    await this.page.getByRole("button", { name: `Remove ${name}` }).click();
  }

  /** The files under the last message of the conversation. */
  lastMessageFiles(): Locator {
    return this.page
      .getByTestId("timeline")
      .locator(':scope > li[data-entry="message"]')
      .last()
      .getByTestId("attachments");
  }
}
