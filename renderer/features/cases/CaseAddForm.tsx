import { Button, Form, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface CaseAddFormProps<V> {
  initialValues?: Partial<V>;
  /** Saves the new item; resolves true when saved, and the form then clears for the next one. */
  onAdd: (values: V) => Promise<boolean>;
  /** A closed case takes no new items: the form is not shown at all. */
  hidden: boolean;
  children: ReactNode;
}

/** The one-line "fields + Add" form under a case section's list. */
export function CaseAddForm<V extends object>({ hidden, ...props }: CaseAddFormProps<V>) {
  // The form instance lives in the shown form only, so a hidden one leaves no unconnected instance behind.
  return hidden ? null : <AddRow<V> {...props} />;
}

function AddRow<V extends object>({ initialValues, onAdd, children }: Omit<CaseAddFormProps<V>, 'hidden'>) {
  const { t } = useTranslation('cases');
  const [form]: [FormInstance<V>] = Form.useForm<V>();
  return (
    <Form<V>
      form={form}
      layout="inline"
      style={{ marginTop: 8, rowGap: 8 }}
      initialValues={initialValues}
      onFinish={async (values) => {
        if (await onAdd(values)) form.resetFields();
      }}
    >
      {children}
      <Button htmlType="submit" size="small">
        {t('common.add')}
      </Button>
    </Form>
  );
}
