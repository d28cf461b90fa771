import { defineMessages } from '../i18n/messages.js';

/** The texts the media screens and pickers share. */
export const mediaMessages = defineMessages({
  en: {
    title: 'Media',
    intro: 'Files of this shop. Images get smaller copies for pages and thumbnails; a file is judged by its content, not its name.',
    drop: 'Drop files anywhere on this page, or',
    choose: 'Choose files',
    uploads: 'Uploads',
    uploaded: 'Uploaded',
    uploading: (name: string) => `Uploading ${name}`,
    none: 'No files yet.',
    more: 'More files',
    file: 'File',
    type: 'Type',
    size: 'Size',
    dimensions: 'Dimensions',
    copyId: 'Copy id',
    copyUrl: 'Copy URL',
    copied: 'Copied.',
    delete: 'Delete',
    deleteQuestion: (name: string) => `Delete ${name}? Pages and products that show it keep its address, which will no longer answer.`,
    deleted: 'File deleted.',
    noPreview: 'No preview',
  },
  ru: {
    title: 'Медиафайлы',
    intro:
      'Файлы этого магазина. Для изображений создаются уменьшенные копии для страниц и миниатюр; файл проверяется по содержимому, а не по имени.',
    drop: 'Перетащите файлы в любое место этой страницы или',
    choose: 'Выберите файлы',
    uploads: 'Загрузки',
    uploaded: 'Загружено',
    uploading: (name: string) => `Загрузка ${name}`,
    none: 'Файлов пока нет.',
    more: 'Ещё файлы',
    file: 'Файл',
    type: 'Тип',
    size: 'Размер',
    dimensions: 'Размеры',
    copyId: 'Копировать id',
    copyUrl: 'Копировать адрес',
    copied: 'Скопировано.',
    delete: 'Удалить',
    deleteQuestion: (name: string) =>
      `Удалить ${name}? Страницы и товары, где он показан, сохранят его адрес, но по нему больше ничего не будет.`,
    deleted: 'Файл удалён.',
    noPreview: 'Нет превью',
  },
});

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A file size as the language writes it ("12.5 kB", "1,2 МБ"). */
export const fileSize = (locale: string, bytes: number): string => {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: UNITS[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
};
