export { useAction } from './useAction';
export type { AsyncState } from './useAction';
export { useMutation } from './useMutation';
export type { Mutation } from './useMutation';
export { usePaged } from './usePaged';
export type { PagedState } from './usePaged';
export { useMe, clearMeCache, primeMe } from './useMe';
export type { MeState } from './useMe';
export { useSenior } from './useSenior';
