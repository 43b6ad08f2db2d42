// Pieces the organisers' editors (exam, event, post) share. The pure audience helpers are
// imported from './audience' directly by the form models, which must not pull in components.
export { Field, SwitchLine } from './Field';
export type { FieldProps, SwitchLineProps } from './Field';
export { ActionBar } from './ActionBar';
export type { ActionBarButton, ActionBarProps } from './ActionBar';
export { EditorLoaded, NotEditable } from './EditorLoaded';
export type { EditorLoadedProps, NotEditableProps } from './EditorLoaded';
export { AudienceChips } from './AudienceChips';
export type { AudienceChipsProps } from './AudienceChips';
export { ALL_UNITS, unitChipOptions } from './audience';
