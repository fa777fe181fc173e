import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, FooterText, buttonStyle, type EmailSender } from "./email-layout";

// Organisers' email, in English like the organisers' pages.
export type MilestoneReachedProps = {
  sender: EmailSender;
  documentTitle: string;
  kind: "petition" | "letter";
  threshold: number;
  count: number;
  goal: number;
  pageUrl: string;
};

const number = (value: number) => value.toLocaleString("en-GB");

function what({ threshold, goal }: Pick<MilestoneReachedProps, "threshold" | "goal">) {
  if (goal > 0 && threshold === goal) return "its goal";
  if (goal > 1 && threshold === Math.ceil(goal / 2)) return "half its goal";
  return `${number(threshold)} signatures`;
}

export const milestoneReachedSubject = (props: Pick<MilestoneReachedProps, "documentTitle" | "threshold" | "goal">) => {
  const reached = what(props);
  const figure = reached.endsWith("goal") ? ` (${number(props.threshold)} signatures)` : "";
  return `“${props.documentTitle}” reached ${reached}${figure}`;
};

export default function MilestoneReached(props: MilestoneReachedProps) {
  const { sender, documentTitle, kind, count, goal, pageUrl } = props;
  return (
    <EmailLayout
      sender={sender}
      lang="en"
      preview={milestoneReachedSubject(props)}
      footer={
        <FooterText>
          You receive this because you organise campaigns on this site. Each milestone is announced once.
        </FooterText>
      }
    >
      <Heading as="h1">A milestone reached</Heading>
      <Text>
        The {kind} “{documentTitle}” reached {what(props)}: {number(count)} confirmed signatures
        {goal > 0 ? ` of a goal of ${number(goal)}` : ""}.
      </Text>
      <Button href={pageUrl} style={buttonStyle}>
        Open the {kind}
      </Button>
      <Text>
        Or paste this link into your browser: <Link href={pageUrl}>{pageUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

MilestoneReached.PreviewProps = {
  sender: { name: "Moscow Trials Campaign Committee" },
  documentTitle: "Annul the Moscow Trials verdicts",
  kind: "petition",
  threshold: 1000,
  count: 1003,
  goal: 10000,
  pageUrl: "http://localhost:3000/petitions/moscow-trials",
} satisfies MilestoneReachedProps;
