/**
 * The show-if editor of a field or section (issue 5 item 3): a group of conditions joined by AND or
 * OR, each item a test on an earlier field or a nested group. The whole `showIf` is replaced on
 * every change, so the draft always holds a valid ConditionNode.
 */
import type { ComponentChildren } from 'preact'
import type { Condition, ConditionNode, ConditionOperator } from '../../../server/forms/form-types.ts'
import { useT } from '../../i18n/index.ts'
import {
  asGroup,
  type FieldRef,
  type GroupMode,
  groupNode,
  isCondition,
  newCondition,
  OPERATORS,
  type Path,
} from '../../state/index.ts'
import { type Choice, type DraftCtx, DraftError, idOf, valueAt } from './draft-fields.tsx'

interface Props {
  ctx: DraftCtx
  path: Path
  refs: readonly FieldRef[]
  /** "this field" / "this section", for the legend. */
  subject: string
}

export function ConditionsEditor({ ctx, path, refs, subject }: Props) {
  const t = useT()
  const node = valueAt<ConditionNode | undefined>(ctx, path)
  const group = asGroup(node)
  const id = idOf(ctx, path)
  const set = (mode: GroupMode, items: ConditionNode[]) =>
    ctx.dispatch({ type: 'set', path, value: groupNode(mode, items) })
  const replace = (index: number, item: ConditionNode | null) =>
    set(group.mode, replaceItem(group.items, index, item))

  return (
    <fieldset class="conditions" data-testid={id}>
      <legend>{t('conditionsEditor.show', { subject })}</legend>
      {refs.length === 0 ? (
        <p class="hint">{t('conditionsEditor.alwaysShownConditionsCan')}</p>
      ) : (
        <>
          {group.items.length === 0 ? (
            <p class="hint">{t('conditionsEditor.alwaysShown')}</p>
          ) : (
            <ModeSelect id={`${id}-mode`} mode={group.mode} onChange={(mode) => set(mode, group.items)} />
          )}
          <ul class="condition-list">
            {group.items.map((item, i) => (
              <li key={i}>
                {isCondition(item) ? (
                  <ConditionRow
                    id={`${id}-${i}`}
                    condition={item}
                    refs={refs}
                    onChange={(c) => replace(i, c)}
                    onRemove={() => replace(i, null)}
                  />
                ) : (
                  <NestedGroup id={`${id}-${i}`} node={item} refs={refs} onChange={(n) => replace(i, n)} />
                )}
              </li>
            ))}
          </ul>
          <span class="item-actions">
            <button
              type="button"
              class="button small"
              onClick={() => set(group.mode, [...group.items, newCondition(refs)])}
              data-testid={`${id}-add`}
            >
              {t('conditionsEditor.addCondition')}
            </button>
            <button
              type="button"
              class="button small"
              onClick={() =>
                set(group.mode, [
                  ...group.items,
                  group.mode === 'all' ? { any: [newCondition(refs)] } : { all: [newCondition(refs)] },
                ])
              }
              data-testid={`${id}-add-group`}
            >
              {group.mode === 'all' ? t('conditionsEditor.addOrGroup') : t('conditionsEditor.addAndGroup')}
            </button>
          </span>
        </>
      )}
      <DraftError ctx={ctx} path={path} />
    </fieldset>
  )
}

/** The items with the one at `index` replaced, or removed when `item` is null. */
function replaceItem(items: readonly ConditionNode[], index: number, item: ConditionNode | null) {
  return item === null ? items.filter((_, i) => i !== index) : items.map((x, i) => (i === index ? item : x))
}

function ModeSelect({
  id,
  mode,
  onChange,
}: {
  id: string
  mode: GroupMode
  onChange(mode: GroupMode): void
}) {
  const t = useT()
  return (
    <InlineSelect
      id={id}
      label={t('conditionsEditor.when')}
      value={mode}
      choices={[
        { value: 'all', label: t('conditionsEditor.allOfTheseHold') },
        { value: 'any', label: t('conditionsEditor.anyOfTheseHolds') },
      ]}
      onPick={(value) => onChange(value as GroupMode)}
    />
  )
}

/** A labelled select on one line; `first` is an option listed before the choices. */
function InlineSelect(props: {
  id: string
  label: string
  value: string
  choices: readonly Choice[]
  first?: ComponentChildren
  onPick(value: string): void
}) {
  const { id, label, value, choices, first, onPick } = props
  return (
    <div class="field inline">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onPick(e.currentTarget.value)} data-testid={id}>
        {first}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  )
}

function NestedGroup({
  id,
  node,
  refs,
  onChange,
}: {
  id: string
  node: ConditionNode
  refs: readonly FieldRef[]
  onChange(node: ConditionNode | null): void
}) {
  const t = useT()
  const group = asGroup(node)
  const items = group.items
  const set = (mode: GroupMode, next: ConditionNode[]) => onChange(groupNode(mode, next) ?? null)
  return (
    <fieldset class="condition-group">
      <legend>{t('conditionsEditor.group2')}</legend>
      <ModeSelect id={`${id}-mode`} mode={group.mode} onChange={(mode) => set(mode, items)} />
      <ul class="condition-list">
        {items.map((c, i) => (
          <li key={i}>
            {isCondition(c) ? (
              <ConditionRow
                id={`${id}-${i}`}
                condition={c}
                refs={refs}
                onChange={(next) => set(group.mode, replaceItem(items, i, next))}
                onRemove={() => set(group.mode, replaceItem(items, i, null))}
              />
            ) : (
              // Deeper nesting (possible through the API) is kept as it is; the editor shows two levels.
              <p class="hint">{t('conditionsEditor.aNestedGroupOf', { count: asGroup(c).items.length })}</p>
            )}
          </li>
        ))}
      </ul>
      <span class="item-actions">
        <button
          type="button"
          class="button small"
          onClick={() => set(group.mode, [...items, newCondition(refs)])}
          data-testid={`${id}-add`}
        >
          {t('conditionsEditor.addCondition')}
          <span class="sr-only"> {t('conditionsEditor.toTheGroup')}</span>
        </button>
        <button
          type="button"
          class="button small danger"
          onClick={() => onChange(null)}
          data-testid={`${id}-remove`}
        >
          {t('conditionsEditor.removeGroup')}
        </button>
      </span>
    </fieldset>
  )
}

function ConditionRow({
  id,
  condition,
  refs,
  onChange,
  onRemove,
}: {
  id: string
  condition: Condition
  refs: readonly FieldRef[]
  onChange(condition: Condition): void
  onRemove(): void
}) {
  const t = useT()
  const ref = refs.find((r) => r.key === condition.field)
  const needsValue = OPERATORS.find((o) => o.op === condition.op)?.needsValue ?? true
  const pick = (patch: Partial<Condition>) => {
    const next: Condition = { ...condition, ...patch }
    if (!(OPERATORS.find((o) => o.op === next.op)?.needsValue ?? true)) delete next.value
    onChange(next)
  }
  return (
    <div class="condition-row" data-testid={id}>
      <InlineSelect
        id={`${id}-field`}
        label={t('conditionsEditor.field')}
        value={condition.field}
        first={
          !ref && (
            <option value={condition.field}>
              {condition.field || t('conditionsEditor.pickAField')} {t('conditionsEditor.notEarlier')}
            </option>
          )
        }
        choices={refs.map((r) => ({ value: r.key, label: r.label }))}
        onPick={(field) => pick({ field })}
      />
      <InlineSelect
        id={`${id}-op`}
        label={t('conditionsEditor.test')}
        value={condition.op}
        choices={OPERATORS.map((o) => ({ value: o.op, label: t(o.label) }))}
        onPick={(op) => pick({ op: op as ConditionOperator })}
      />
      {needsValue &&
        (ref?.options && ref.options.length > 0 ? (
          <InlineSelect
            id={`${id}-value`}
            label={t('conditionsEditor.value')}
            value={String(condition.value ?? '')}
            first={<option value="">—</option>}
            choices={ref.options}
            onPick={(value) => pick({ value })}
          />
        ) : (
          <div class="field inline">
            <label for={`${id}-value`}>{t('conditionsEditor.value')}</label>
            <input
              id={`${id}-value`}
              type={ref?.type === 'number' ? 'number' : ref?.type === 'date' ? 'date' : 'text'}
              value={condition.value == null ? '' : String(condition.value)}
              onInput={(e) => {
                const text = e.currentTarget.value
                pick({ value: ref?.type === 'number' && text !== '' ? Number(text) : text })
              }}
              data-testid={`${id}-value`}
            />
          </div>
        ))}
      <button type="button" class="button small danger" onClick={onRemove} data-testid={`${id}-remove`}>
        {t('conditionsEditor.remove')}
        <span class="sr-only"> {t('conditionsEditor.condition')}</span>
      </button>
    </div>
  )
}
