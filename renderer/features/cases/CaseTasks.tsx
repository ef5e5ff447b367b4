import { CheckSquareOutlined, BorderOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Form, Input, List, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, Task } from '../../../preload/schemas/cases';
import { clearway } from '../../app/clearway';
import { useCaseAction } from './useCaseAction';

/** Overdue = not done and the due moment has passed. */
function isOverdue(task: Task, now: number): boolean {
  return !task.done && task.due !== null && new Date(task.due).getTime() < now;
}

/** The case's to-do list: tick a task done (or open again), add one with an optional due date. */
export function CaseTasks({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation('cases');
  const act = useCaseAction();
  const [form] = Form.useForm<{ title: string; due?: Dayjs | null }>();
  // When the case view opened: "overdue" is judged against it (re-rendering must not change it).
  const [now] = useState(Date.now);
  return (
    <div data-testid="case-tasks">
      <List
        size="small"
        dataSource={detail.tasks}
        locale={{ emptyText: <span style={{ color: 'var(--ant-color-text)' }}>{t('empty.tasks')}</span> }}
        renderItem={(task) => (
          <List.Item data-testid="case-task">
            <Checkbox
              checked={task.done}
              onChange={(e) => void act(() => clearway().invoke('cw:cases.setTaskDone', { caseId: detail.id, taskId: task.id, done: e.target.checked }), t('task.failed'))}
            >
              <span style={task.done ? { textDecoration: 'line-through' } : undefined}>{task.title}</span>
            </Checkbox>
            <span style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
              {task.due ? (
                <span className="cw-num">
                  {t('task.due')} {new Date(task.due).toLocaleDateString()}
                </span>
              ) : null}
              {task.done ? (
                <Tag icon={<CheckSquareOutlined />} color="success">
                  {t('task.done')}
                </Tag>
              ) : isOverdue(task, now) ? (
                <Tag icon={<BorderOutlined />} color="error">
                  {t('task.overdue')}
                </Tag>
              ) : (
                <Tag icon={<BorderOutlined />}>{t('task.open')}</Tag>
              )}
            </span>
          </List.Item>
        )}
      />
      <Form
        form={form}
        layout="inline"
        style={{ marginTop: 8 }}
        onFinish={async (v) => {
          // A due date means the end of that day in the officer's time zone.
          const due = v.due ? v.due.endOf('day').toDate().toISOString() : null;
          if (await act(() => clearway().invoke('cw:cases.addTask', { caseId: detail.id, title: v.title, due }), t('task.failed'))) form.resetFields();
        }}
      >
        <Form.Item name="title" rules={[{ required: true, whitespace: true, message: t('task.required') }]}>
          <Input aria-label={t('task.title')} placeholder={t('task.title')} maxLength={200} style={{ width: 280 }} />
        </Form.Item>
        <Form.Item name="due">
          <DatePicker aria-label={t('task.dueDate')} placeholder={t('task.dueDate')} />
        </Form.Item>
        <Button htmlType="submit" size="small">
          {t('common.add')}
        </Button>
      </Form>
    </div>
  );
}
