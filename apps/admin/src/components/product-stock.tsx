import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { inventoryQuery, setInventory } from '../api/variants.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';

const messages = defineMessages({
  en: { stock: 'Units in stock', save: 'Save stock', saved: 'Stock saved.' },
  ru: { stock: 'Остаток, шт.', save: 'Сохранить остаток', saved: 'Остаток сохранён.' },
});

interface Props {
  readonly productId: string;
  readonly variantId: string;
  readonly canStock: boolean;
}

/** A variant's available stock, read from and set through the inventory API. */
export const ProductStock = ({ productId, variantId, canStock }: Props) => {
  const t = useMessages(messages);
  const id = useId();
  const queryClient = useQueryClient();
  const stock = useQuery(inventoryQuery(variantId));
  const { register, handleSubmit } = useForm<{ available: string }>({ values: { available: String(stock.data?.available ?? '') } });
  const save = useMutation({
    mutationFn: setInventory,
    onSuccess: async (saved) => {
      queryClient.setQueryData(inventoryQuery(variantId).queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: ['commerce', 'product', productId] });
    },
  });
  return (
    <form className="row" onSubmit={handleSubmit((f) => save.mutate({ variantId, available: Number(f.available) }))}>
      <div className="field">
        <label htmlFor={id}>{t.stock}</label>
        <input id={id} type="number" min={0} required readOnly={!canStock} {...register('available')} />
      </div>
      {canStock ? (
        <button type="submit" disabled={save.isPending || !stock.data}>
          {t.save}
        </button>
      ) : null}
      {stock.error ? <ErrorNotice error={stock.error} /> : null}
      {save.error ? <ErrorNotice error={save.error} /> : null}
      {save.isSuccess ? <p role="status">{t.saved}</p> : null}
    </form>
  );
};
