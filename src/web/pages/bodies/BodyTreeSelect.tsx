import { useMemo } from 'react';
import type { CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import type { Body as CongressBody } from '../../../shared/schemas/bodies.js';
import { bodyLevelLabels } from '../../../shared/schemas/common.js';
import { useLocale } from '../../i18n/locale.js';
import { bodyTree, useBodies } from './bodies.api.js';
import type { BodyNode } from './bodies.api.js';

interface TreeOption {
  value: string;
  title: string;
  disabled: boolean;
  children?: TreeOption[];
}

interface BodyTreeSelectProps {
  value?: string | null;
  onChange?: (value: string) => void;
  /** Bodies the user may choose; others show but cannot be picked. All when absent. */
  selectable?: (body: CongressBody) => boolean;
  placeholder?: string;
  /** Offer a clear button; clearing calls `onClear` (`onChange` always gets a body). */
  onClear?: () => void;
  id?: string;
  style?: CSSProperties;
}

/** Picks a congress body from the tree (works as an antd `Form.Item` control). */
export function BodyTreeSelect({
  value,
  onChange,
  selectable,
  placeholder,
  onClear,
  id,
  style,
}: BodyTreeSelectProps) {
  const { t, pick } = useLocale();
  const bodies = useBodies();
  const treeData = useMemo(() => {
    const toOption = (node: BodyNode): TreeOption => ({
      value: node.id,
      title: `${node.name}（${pick(bodyLevelLabels[node.level])}）`,
      disabled: selectable ? !selectable(node) : false,
      children: node.children?.map(toOption),
    });
    return bodyTree(bodies.data ?? []).map(toOption);
  }, [bodies.data, pick, selectable]);

  return (
    <TreeSelect<string>
      id={id}
      value={value ?? undefined}
      onChange={(next: string | undefined) => (next === undefined ? onClear?.() : onChange?.(next))}
      allowClear={onClear !== undefined}
      treeData={treeData}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={bodies.isPending}
      placeholder={placeholder ?? t('bodySelectPlaceholder')}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
