import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** Page title with an optional line of explanation and actions that wrap below on phones. */
export function PageHeader({ title, intro, extra }: { title: string; intro?: ReactNode; extra?: ReactNode }) {
  return (
    <Flex vertical gap={4} style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra ? (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        ) : null}
      </Flex>
      {intro ? (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {intro}
        </Typography.Paragraph>
      ) : null}
    </Flex>
  );
}
