import { type DragEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useMessages } from '../i18n/messages.js';
import { mediaMessages } from './media-messages.js';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/**
 * An area that takes files dropped anywhere on it, highlighted while files are dragged over it
 * (the file picker inside does the same by keyboard).
 */
export const MediaDropzone = ({
  onFiles,
  disabled,
  children,
}: {
  readonly onFiles: (files: File[]) => void;
  readonly disabled?: boolean;
  readonly children?: ReactNode;
}) => {
  const [over, setOver] = useState(false);
  const onDragOver = (e: DragEvent) => {
    if (disabled || !hasFiles(e)) return;
    e.preventDefault();
    setOver(true);
  };
  const onDrop = (e: DragEvent) => {
    if (disabled) return;
    e.preventDefault();
    setOver(false);
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (files.length > 0) onFiles(files);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is an extra; the file picker inside does the same by keyboard
    <div
      className="media-dropzone stack wide"
      data-testid="media-dropzone"
      data-over={over ? 'true' : undefined}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      {children}
    </div>
  );
};

/** "Drop files … or Choose files": a picker for several files at once. */
export const MediaFilePicker = ({ onFiles, accept }: { readonly onFiles: (files: File[]) => void; readonly accept?: string }) => {
  const t = useMessages(mediaMessages);
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <p className="row media-picker">
      <span>{t.drop}</span>
      <label htmlFor={id} className="button">
        {t.choose}
      </label>
      <input
        id={id}
        ref={input}
        type="file"
        multiple
        accept={accept}
        className="visually-hidden"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          if (files.length > 0) onFiles(files);
          if (input.current) input.current.value = '';
        }}
      />
    </p>
  );
};
