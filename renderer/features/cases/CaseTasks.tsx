import { CheckSquareOutlined, BorderOutlined } from '@ant-design/icons';
import { Checkbox, DatePicker, Form, Input, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, Task } from '../../../preload/contract/schemas/cases';
import { clearway } from '../../app/clearway';
import { CaseAddForm } from './CaseAddForm';
import { CaseItemList } from './CaseItemList';
import { isReadOnly } from './caseReadOnly';
import { useCaseAction } from './useCaseAction';

/** Overdue = not done and the due moment has passed. */
function isOverdue(task: Task, now: number): boolean {
  return !task.done && task.due !== null && new Date(task.due).getTime() < now;
}

/** The case's to-do list: tick a task done (or open again), add one with an optional due date. */
export function CaseTasks({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation('cases');
  const act = useCaseAction();
  const readOnly = isReadOnly(detail);
  // When the case view opened: "overdue" is judged against it (re-rendering must not change it).
  const [now] = useState(Date.now);
  return (
    <div data-testid="case-tasks">
      <CaseItemList
        items={detail.tasks}
        empty={t('empty.tasks')}
        itemTestId="case-task"
        renderItem={(task) => (
          <>
            {readOnly ? (
              // A closed case: the title as plain text (a disabled checkbox greys it out of legibility); the tag says done or not.
              <span style={task.done ? { textDecoration: 'line-through' } : undefined}>{task.title}</span>
            ) : (
              <Checkbox
                checked={task.done}
                onChange={(e) =>
                  void act(
                    () =>
                      clearway().invoke('cw:cases.setTaskDone', { caseId: detail.id, taskId: task.id, done: e.target.checked }),
                    t('task.failed'),
                  )
                }
              >
                <span style={task.done ? { textDecoration: 'line-through' } : undefined}>{task.title}</span>
              </Checkbox>
            )}
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
          </>
        )}
      />
      <CaseAddForm<{ title: string; due?: Dayjs | null }>
        hidden={readOnly}
        onAdd={(v) => {
          // A due date means the end of that day in the officer's time zone.
          const due = v.due ? v.due.endOf('day').toDate().toISOString() : null;
          return act(() => clearway().invoke('cw:cases.addTask', { caseId: detail.id, title: v.title, due }), t('task.failed'));
        }}
      >
        <Form.Item name="title" rules={[{ required: true, whitespace: true, message: t('task.required') }]}>
          <Input aria-label={t('task.title')} placeholder={t('task.title')} maxLength={200} style={{ width: 280 }} />
        </Form.Item>
        <Form.Item name="due">
          <DatePicker aria-label={t('task.dueDate')} placeholder={t('task.dueDate')} />
        </Form.Item>
      </CaseAddForm>
    </div>
  );
}
