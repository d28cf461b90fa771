import { type MutationFunction, useMutation, useQueryClient } from '@tanstack/react-query';
import { type Order, orderQuery } from '../api/orders.js';

/** A change of one order (a move or a payment step): the answer replaces the order shown, and lists are read again. */
export const useOrderMutation = <V>(id: string, mutationFn: MutationFunction<Order, V>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (next) => {
      queryClient.setQueryData(orderQuery(id).queryKey, next);
      void queryClient.invalidateQueries({ queryKey: ['commerce', 'orders'] });
    },
  });
};
