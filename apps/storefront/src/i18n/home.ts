import { defineMessages } from './messages.js';

export const homeMessages = defineMessages({
  en: {
    featured: 'Featured products',
    latestPosts: 'From the blog',
    allProducts: 'All products',
    soldOut: 'Sold out',
    readMore: 'Read more',
  },
  ru: {
    featured: 'Избранные товары',
    latestPosts: 'Из блога',
    allProducts: 'Все товары',
    soldOut: 'Нет в наличии',
    readMore: 'Читать далее',
  },
});
