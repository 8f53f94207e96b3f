type AddButtonProps = {
  isInSet: boolean;
  isPending: boolean;
  onAdd: () => void;
  stem: string;
};

export const AddButton = ({ isInSet, isPending, onAdd, stem }: AddButtonProps) =>
  isInSet ? (
    <span className="badge badge--good">✓ In this set</span>
  ) : (
    <button type="button" className="button button--small" onClick={onAdd} disabled={isPending}>
      + Add to set<span className="visually-hidden">: {stem}</span>
    </button>
  );
